using System.Text.Json;
using Koperasi.Console.Gateway;
using Koperasi.Console.Pages.Laporan;
using Koperasi.Console.Pages.Register;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Koperasi.Console.Tests;

/// <summary>The registration form's request, the field problems beside the fields, and the CSV download's filters, without a platform.</summary>
public class RegisterFormsTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static RegistrationForm Filled() => new()
    {
        Name = " Koperasi Konsumen Sejahtera ",
        Form = "primer",
        Type = "konsumen",
        SavingsLoanScheme = "close-loop",
        SupervisionLevel = "kabupaten-kota",
        RegencyCode = "1571",
        KecamatanCode = "15.71.04",
        Street = "Jl. Sultan Thaha 12",
        DecreeNumber = "518/12/BH/2026",
        DecreeDate = new DateOnly(2026, 2, 3),
        FoundingMembers = 21,
        MemberCount = 40,
        BusinessField = "Warung serba ada",
    };

    [Fact]
    public void A_registration_sends_what_the_API_takes_and_leaves_blank_optional_fields_out()
    {
        var (body, missing) = Filled().Request();

        missing.ShouldBeNull();
        // The savings-and-loan scheme chosen for a konsumen koperasi is not sent (the API refuses it on other types).
        JsonSerializer.Serialize(body, Web).ShouldBe(
            """{"name":"Koperasi Konsumen Sejahtera","form":"primer","type":"konsumen","savingsLoanScheme":null,"supervisionLevel":"kabupaten-kota","address":{"street":"Jl. Sultan Thaha 12","kecamatan":"15.71.04","regencyCode":"1571","desa":null,"postalCode":null},"legalEntity":{"decreeNumber":"518/12/BH/2026","decreeDate":"2026-02-03"},"deed":null,"foundingMembers":21,"memberCount":40,"businessField":"Warung serba ada","nib":null,"board":null,"contact":null}""");
    }

    [Fact]
    public void The_board_deed_and_contact_go_when_given()
    {
        var form = Filled();
        form.Type = "simpan-pinjam";
        form.Chair = "Dewi Lestari";
        form.Treasurer = "Rahmat Hidayat";
        form.DeedNumber = "12";
        form.DeedDate = new DateOnly(2026, 1, 10);
        form.DeedNotary = "Notaris Siti Aminah, S.H.";
        form.Email = "kantor@koperasi.example";

        var json = JsonSerializer.Serialize(form.Request().Body, Web);

        json.ShouldContain("""
            "savingsLoanScheme":"close-loop"
            """.Trim());
        json.ShouldContain("""
            "board":[{"name":"Dewi Lestari","position":"ketua"},{"name":"Rahmat Hidayat","position":"bendahara"}]
            """.Trim());
        json.ShouldContain("""
            "deed":{"number":"12","date":"2026-01-10","notary":"Notaris Siti Aminah, S.H."}
            """.Trim());
        json.ShouldContain("""
            "contact":{"phone":null,"email":"kantor@koperasi.example"}
            """.Trim());
    }

    [Fact]
    public void A_required_field_left_empty_is_named_and_nothing_is_sent()
    {
        var form = Filled();
        form.KecamatanCode = " ";

        var (body, missing) = form.Request();

        body.ShouldBeNull();
        missing.ShouldBe("address.kecamatan");
    }

    [Fact]
    public void A_refused_form_never_shows_a_NIK_back_in_clear()
    {
        var form = Filled();
        form.Chair = "Dewi 1571014509870001";
        form.Street = "Jl. Sultan Thaha 12, NIK 1571014509870001";

        form.MaskPersonalData();

        form.Chair.ShouldNotContain("1571014509870001");
        form.Street.ShouldNotContain("1571014509870001");
        form.Street.ShouldStartWith("Jl. Sultan Thaha 12, NIK 157101");
        form.Name.ShouldBe(" Koperasi Konsumen Sejahtera ");
    }

    [Fact]
    public void A_broken_rule_naming_one_field_is_shown_beside_that_field()
    {
        var problem = Masalah.From(422, """{"type":"urn:koperasi:problem:primer-needs-minimum-founders","status":422,"detail":"A primer koperasi needs at least 9 founding members; 3 given.","rule":"primer-needs-minimum-founders","field":"foundingMembers"}""");

        problem.TextFor("foundingMembers").ShouldBe("Koperasi primer memerlukan sekurang-kurangnya 9 orang pendiri (20 orang bila berdiri sebelum 2021).");
        problem.TextFor("memberCount").ShouldBeNull();
    }

    [Fact]
    public void Personal_data_in_a_field_is_named_beside_it_in_Indonesian()
    {
        var problem = Masalah.From(422, """{"type":"urn:koperasi:problem:personal-data-in-text","status":422,"rule":"personal-data-in-text","field":"board[0].name","errors":{"board[0].name":["This looks like a NIK. Personal data does not belong in this field: remove it."]}}""");

        problem.TextFor("board[0].name").ShouldBe("Isian memuat data pribadi (NIK, nomor telepon atau nomor rekening warga). Hapus data itu dari isian.");
        problem.TextFor("name").ShouldBeNull();
    }

    [Fact]
    public void A_validation_problem_puts_each_field_s_complaint_beside_it()
    {
        var problem = Masalah.From(400, """{"type":"urn:koperasi:problem:validation","status":400,"errors":{"legalEntity.decreeNumber":["Required."]}}""");

        problem.TextFor("legalEntity.decreeNumber").ShouldBe("Required.");
        problem.Fields.Single().Label.ShouldBe("Nomor SK");
    }

    [Fact]
    public void The_CSV_download_passes_the_list_s_filters_under_the_export_s_names_and_nothing_else()
    {
        var query = new QueryCollection(new Dictionary<string, StringValues>
        {
            ["q"] = "maju bersama",
            ["kabupaten"] = "1502",
            ["keaktifan"] = "aktif",
            ["status"] = "",
            ["halaman"] = "3",
            ["pageSize"] = "10",
        });

        UnduhRegister.ApiPath(query).ShouldBe("api/registry/cooperatives/export.csv?q=maju%20bersama&regency=1502&activity=aktif");
    }
}

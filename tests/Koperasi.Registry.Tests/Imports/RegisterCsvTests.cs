using Koperasi.Registry.Cooperatives;
using Koperasi.Registry.Imports;

namespace Koperasi.Registry.Tests.Imports;

/// <summary>A CSV row as a registration request, without a database.</summary>
public class RegisterCsvTests
{
    private static RegisterCsv.ParsedRow Parse(string header, string row) =>
        RegisterCsv.Parse(CsvFile.Rows($"{header}\n{row}\n").Single());

    private static RegisterCsv.ParsedRow ParseRow(string row) => Parse(ImportFiles.Header, row);

    [Fact]
    public void Every_column_fills_its_part_of_the_registration_request()
    {
        var token = ImportFiles.NewToken();
        var row = ImportFiles.Row(token, 7, new()
        {
            ["type"] = "simpan-pinjam",
            ["savings_loan_scheme"] = "close-loop",
            ["syariah"] = "ya",
            ["multi_pihak"] = "TRUE",
            ["member_classes"] = "petani | pedagang|",
            ["supervision_level"] = "provinsi",
            ["regency_code"] = "15.05",
            ["kecamatan"] = "Sekernan",
            ["village"] = "Sengeti",
            ["postal_code"] = "36381",
            ["deed_number"] = "12",
            ["deed_date"] = "2015-02-01",
            ["notary"] = "Notaris Contoh",
            ["nib"] = "9120000000001",
            ["nik_koperasi"] = "1505010020001",
            ["nik_koperasi_issued_on"] = "2025-05-20",
            ["phone"] = "0741000101",
            ["email"] = "uji@koperasi.example",
            ["last_rat_mode"] = "online",
        });

        var parsed = ParseRow(row);

        parsed.Errors.ShouldBeEmpty();
        parsed.Row.ShouldBe(2);
        var request = parsed.Request.ShouldNotBeNull();
        request.Name.ShouldBe($"Koperasi {token} 7");
        request.Form.ShouldBe(CooperativeForm.Primer);
        request.Type.ShouldBe(CooperativeType.SimpanPinjam);
        request.SavingsLoanScheme.ShouldBe(SavingsLoanScheme.CloseLoop);
        request.Syariah.ShouldBeTrue();
        request.MultiPihak.ShouldBeTrue();
        request.MemberClasses.ShouldBe(["petani", "pedagang"]);
        request.SupervisionLevel.ShouldBe(SupervisionLevel.Provinsi);
        request.Address.ShouldBe(new Register.AddressDto(Street: "Jl. Uji No. 7", Kecamatan: "Sekernan", RegencyCode: "15.05", Village: "Sengeti", PostalCode: "36381"));
        request.LegalEntity.ShouldBe(new LegalEntity($"7/BH/{token}/III/2015", new DateOnly(2015, 3, 12)));
        request.Deed.ShouldBe(new NotarialDeed("12", new DateOnly(2015, 2, 1), "Notaris Contoh"));
        request.FoundingMembers.ShouldBe(20);
        request.MemberCount.ShouldBe(40);
        request.BusinessField.ShouldBe("Toko kebutuhan pokok");
        request.Nib.ShouldBe("9120000000001");
        request.NikKoperasi.ShouldBe(new NikKoperasi("1505010020001", new DateOnly(2025, 5, 20)));
        request.Contact.ShouldBe(new Contact("0741000101", "uji@koperasi.example"));
        request.RatHistory.ShouldBe([new ReportRat.Request(2024, new DateOnly(2025, 3, 15), 30, 40, RatMode.Online)]);
        Register.ToCommand(request, Guid.NewGuid()).Profile.Address.RegencyCode.ShouldBe("1505");
    }

    [Fact]
    public void Optional_columns_may_be_left_out_of_the_header()
    {
        var required = RegisterCsv.Columns.Where(c => c.Required).Select(c => c.Name).ToList();
        var values = new Dictionary<string, string>
        {
            ["name"] = "Koperasi Minimal", ["form"] = "sekunder", ["type"] = "jasa", ["supervision_level"] = "nasional",
            ["regency_code"] = "1572", ["kecamatan"] = "Sungai Penuh", ["street"] = "Jl. Uji 1", ["decree_number"] = "1/BH/MIN/2020",
            ["decree_date"] = "2020-01-02", ["founding_members"] = "3", ["member_count"] = "3", ["business_field"] = "Jasa",
        };

        var parsed = Parse(string.Join(',', required), string.Join(',', required.Select(c => values[c])));

        parsed.Errors.ShouldBeEmpty();
        var request = parsed.Request.ShouldNotBeNull();
        (request.Deed, request.NikKoperasi, request.Contact, request.RatHistory, request.MemberClasses, request.Nib).ShouldBe((null, null, null, null, null, null));
        request.Syariah.ShouldBeFalse();
    }

    [Fact]
    public void Unreadable_values_are_reported_with_the_row_and_the_column()
    {
        var row = ImportFiles.Row("x", 1, new()
        {
            ["decree_date"] = "12/03/2015",
            ["founding_members"] = "dua puluh",
            ["type"] = "koperasi-susu",
            ["syariah"] = "mungkin",
            ["name"] = "",
        });

        var parsed = ParseRow(row);

        parsed.Request.ShouldBeNull();
        parsed.Errors.ShouldAllBe(e => e.Row == 2);
        var byColumn = parsed.Errors.ToDictionary(e => e.Column!, e => e.Reason);
        byColumn.Keys.ShouldBe(["name", "type", "syariah", "decree_date", "founding_members"], ignoreOrder: true);
        byColumn["name"].ShouldBe("Required.");
        byColumn["decree_date"].ShouldBe("'12/03/2015' is not a date written yyyy-MM-dd, such as 2015-03-12.");
        byColumn["founding_members"].ShouldContain("not a whole number");
        byColumn["type"].ShouldBe("'koperasi-susu' is not one of: konsumen, produsen, simpan-pinjam, jasa, pemasaran.");
        byColumn["syariah"].ShouldContain("not a yes or no");
    }

    [Fact]
    public void Part_of_a_deed_or_of_the_last_rat_needs_the_rest()
    {
        var row = ImportFiles.Row("x", 1, new() { ["deed_number"] = "12", ["last_rat_mode"] = "", ["last_rat_members_total"] = "" });

        var parsed = ParseRow(row);

        parsed.Request.ShouldBeNull();
        parsed.Errors.Select(e => (e.Column, e.Reason)).ShouldBe(
            [("deed_date", "Required."), ("notary", "Required."), ("last_rat_members_total", "Required."), ("last_rat_mode", "Required.")],
            ignoreOrder: true);
    }

    [Fact]
    public void The_registration_rules_name_the_csv_column()
    {
        var row = ImportFiles.Row("x", 1, new()
        {
            ["regency_code"] = "1599",
            ["nib"] = "12345",
            ["last_rat_members_present"] = "50",
        });

        var parsed = ParseRow(row);

        parsed.Request.ShouldBeNull();
        parsed.Errors.Select(e => e.Column).ShouldBe(["regency_code", "nib", "last_rat_members_present"], ignoreOrder: true);
        parsed.Errors.Single(e => e.Column == "nib").Reason.ShouldBe("An NIB has 13 digits.");
    }

    [Theory]
    [InlineData("foundingMembers", "founding_members")]
    [InlineData("ratHistory[0].heldOn", "last_rat_date")]
    [InlineData("ratHistory[0].financialYear", "last_rat_year")]
    [InlineData("ratHistory", "last_rat_year")]
    [InlineData("nikKoperasi", "nik_koperasi")]
    [InlineData("memberClasses[1]", "member_classes")]
    [InlineData("legalEntity.decreeDate", "decree_date")]
    [InlineData("deed.date", "deed_date")]
    public void A_domain_rule_names_the_column_of_its_field(string field, string column) =>
        RegisterCsv.ColumnOf(field).ShouldBe(column);

    [Fact]
    public void The_decree_number_is_kept_for_duplicate_detection_even_when_the_row_is_invalid()
    {
        var parsed = ParseRow(ImportFiles.Row("x", 4, new() { ["decree_date"] = "kemarin" }));

        parsed.Request.ShouldBeNull();
        parsed.DecreeNumber.ShouldBe("4/BH/x/III/2015");
    }
}

using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koperasi.ServiceDefaults.Identity;
using Koperasi.ServiceDefaults.PersonalData;
using Koperasi.Testing;

namespace Koperasi.Funding.Tests.Export;

/// <summary>
/// The CSV export for the Dinas staff: the list's filters and scope, the applicant masked as on
/// screen, never a phone, street, account or NIK in clear, safe to open in a spreadsheet.
/// </summary>
public class ExportEndpointTests(FundingHost funding) : IClassFixture<FundingHost>
{
    private static readonly string[] Header =
    [
        "ID Permohonan", "Tahun Program", "Kategori", "Kode Kabupaten/Kota", "Kabupaten/Kota", "Kecamatan", "NIK (disamarkan)", "Nama",
        "Status", "Nilai Hibah (Rp)", "Nomor SK", "Tanggal SK", "Tanggal Pencairan", "Referensi Transfer", "Jumlah Kunjungan Monitoring",
    ];

    private readonly HttpClient _admin = funding.CreateClient();

    private static string Phone() => string.Create(CultureInfo.InvariantCulture, $"0813{Random.Shared.Next(10_000_000, 100_000_000)}");

    private static string[] Ids(CsvFile file) => [.. file.Rows.Select(r => r[0]).Order()];

    [Fact]
    public async Task The_export_shows_each_application_with_the_NIK_masked_and_no_phone_street_account_or_NIK_in_clear()
    {
        var programme = await Api.OpenProgrammeAsync(_admin);
        var (programmeId, year) = (Api.Id(programme), programme["year"]!.GetValue<int>());
        var (granteeNik, otherNik, granteePhone, otherPhone) = (Api.Nik(), Api.Nik(), Phone(), Phone());
        var account = Disbursements.Account("Siti Rahmawati");
        var granted = await Api.EligibleAsync(_admin, Api.Application(programmeId, granteeNik, regency: "1503", phone: granteePhone));
        var batch = Api.Batch(granted);
        using (var decreed = await IfMatch.PostAsync(_admin, $"/api/funding/programmes/{programmeId}/decree-batches", batch))
        {
            decreed.StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var paid = await Disbursements.PayAsync(_admin, granted, account);
        await Api.StepAsync(_admin, granted, "monitoring-visits", Api.Visit());
        var submitted = Api.Id(await Api.SubmitAsync(_admin, Api.Application(programmeId, otherNik, regency: "1501", category: "mak-mak", name: "Ayu Lestari", phone: otherPhone)));

        var file = await CsvFile.GetAsync(_admin, $"programmeId={programmeId}");

        file.Response.Content.Headers.ContentType!.ToString().ShouldBe("text/csv; charset=utf-8");
        file.Response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        file.Response.Content.Headers.ContentDisposition.FileName.ShouldBe($"permohonan-dumisake-{year}.csv");
        file.Response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        file.Bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        file.Records[0].ShouldBe(Header);
        Ids(file).ShouldBe(new[] { granted, submitted }.Order());
        file.RowOf(granted).ShouldBe(
        [
            granted, year.ToString(CultureInfo.InvariantCulture), "wirausaha-pemula", "1503", paid["regencyName"]!.GetValue<string>(), "Pelawan",
            Nik.Mask(granteeNik), "Siti Rahmawati", "monitored", "20000000", batch["decreeNumber"]!.GetValue<string>(), "2026-03-10",
            paid["disbursement"]!["disbursedOn"]!.GetValue<string>(), paid["disbursement"]!["transferReference"]!.GetValue<string>(), "1",
        ]);
        file.RowOf(submitted).ShouldBe(
        [
            submitted, year.ToString(CultureInfo.InvariantCulture), "mak-mak", "1501", "Kerinci", "Pelawan",
            Nik.Mask(otherNik), "Ayu Lestari", "submitted", "", "", "", "", "", "0",
        ]);
        foreach (var personal in new[] { granteeNik, otherNik, granteePhone, otherPhone, account["accountNumber"]!.GetValue<string>(), "Lintas Sumatera", "Pelawan Jaya" })
        {
            file.Text.ShouldNotContain(personal);
        }
    }

    [Fact]
    public async Task The_filters_select_by_programme_year_regency_category_and_status()
    {
        var programme = await Api.OpenProgrammeAsync(_admin);
        var (programmeId, year) = (Api.Id(programme), programme["year"]!.GetValue<int>());
        var eligible = await Api.EligibleAsync(_admin, Api.Application(programmeId, regency: "1503", category: "mak-mak"));
        var kerinci = Api.Id(await Api.SubmitAsync(_admin, Api.Application(programmeId, regency: "1501")));
        var sarolangun = Api.Id(await Api.SubmitAsync(_admin, Api.Application(programmeId, regency: "1503")));

        Ids(await CsvFile.GetAsync(_admin, $"year={year}")).ShouldBe(new[] { eligible, kerinci, sarolangun }.Order());
        Ids(await CsvFile.GetAsync(_admin, "year=2999")).ShouldBeEmpty();
        var regency = await CsvFile.GetAsync(_admin, $"programmeId={programmeId}&regency=15.03");
        Ids(regency).ShouldBe(new[] { eligible, sarolangun }.Order());
        regency.Response.Content.Headers.ContentDisposition!.FileName.ShouldBe($"permohonan-dumisake-{year}-1503.csv");
        Ids(await CsvFile.GetAsync(_admin, $"programmeId={programmeId}&category=mak-mak")).ShouldBe([eligible]);
        Ids(await CsvFile.GetAsync(_admin, $"programmeId={programmeId}&status=submitted&regency=1503")).ShouldBe([sarolangun]);
        var status = await CsvFile.GetAsync(_admin, $"year={year}&status=eligible");
        Ids(status).ShouldBe([eligible]);
        status.Response.Content.Headers.ContentDisposition!.FileName.ShouldBe($"permohonan-dumisake-{year}-eligible.csv");
        (await CsvFile.GetAsync(_admin, $"programmeId={programmeId}&category=milenial")).Records.ShouldBe([Header]);
    }

    [Theory]
    [InlineData("regency=9999", "regency")]
    [InlineData("status=pending", "status")]
    [InlineData("category=Mak%20Mak", "category")]
    [InlineData("year=1999", "year")]
    [InlineData("year=tahun-ini", "year")]
    [InlineData("programmeId=bukan-id", "programmeId")]
    public async Task A_bad_filter_answers_400_naming_it(string query, string field)
    {
        using var response = await _admin.GetAsync(new Uri($"/api/funding/applications/export?{query}", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Api.FieldsOf(await Api.ProblemAsync(response)).ShouldContain(field);
    }

    [Fact]
    public async Task An_unknown_programme_answers_404()
    {
        using var response = await _admin.GetAsync(new Uri($"/api/funding/applications/export?programmeId={Guid.NewGuid()}", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_pendamping_exports_only_the_applications_of_its_regencies()
    {
        var programmeId = Api.Id(await Api.OpenProgrammeAsync(_admin));
        var sarolangun = Api.Id(await Api.SubmitAsync(_admin, Api.Application(programmeId, regency: "1503")));
        var kerinci = Api.Id(await Api.SubmitAsync(_admin, Api.Application(programmeId, regency: "1501")));
        var kerinciPendamping = funding.CreateClientAs(KoperasiRoles.Pendamping, "15.01");

        Ids(await CsvFile.GetAsync(kerinciPendamping, $"programmeId={programmeId}")).ShouldBe([kerinci]);
        (await CsvFile.GetAsync(kerinciPendamping, $"programmeId={programmeId}&regency=1503")).Records.ShouldBe([Header]);
        Ids(await CsvFile.GetAsync(funding.CreateClientAs(KoperasiRoles.Pendamping, "1503"), $"programmeId={programmeId}")).ShouldBe([sarolangun]);
        Ids(await CsvFile.GetAsync(funding.CreateClientAs(KoperasiRoles.Auditor), $"programmeId={programmeId}")).ShouldBe(new[] { sarolangun, kerinci }.Order());
        Ids(await CsvFile.GetAsync(funding.CreateClientAs(KoperasiRoles.Verifikator), $"programmeId={programmeId}")).ShouldBe(new[] { sarolangun, kerinci }.Order());
    }

    [Fact]
    public async Task An_erased_applicant_appears_erased_with_nothing_readable()
    {
        var programmeId = Api.Id(await Api.OpenProgrammeAsync(_admin));
        var nik = Api.Nik();
        var name = $"Terhapus Uji {Guid.NewGuid().ToString("N")[..8]}";
        var application = await Api.SubmitAsync(_admin, Api.Application(programmeId, nik, name: name));
        using (var erased = await _admin.PostAsJsonAsync($"/api/funding/applicants/{application["applicant"]!["id"]}/erasure", new JsonObject { ["reason"] = "Permintaan penghapusan (UU PDP)" }))
        {
            erased.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var file = await CsvFile.GetAsync(_admin, $"programmeId={programmeId}");

        var row = file.RowOf(Api.Id(application));
        (row[6], row[7], row[8]).ShouldBe(("(dihapus)", "(dihapus)", "submitted"));
        foreach (var personal in new[] { nik, Nik.Mask(nik), name })
        {
            file.Text.ShouldNotContain(personal);
        }
    }

    [Fact]
    public async Task Names_with_commas_quotes_and_formulas_come_back_as_typed_and_never_as_a_formula()
    {
        var programmeId = Api.Id(await Api.OpenProgrammeAsync(_admin));
        const string Formula = "=HYPERLINK(\"http://contoh.test\",\"klik\"), Ibu";
        const string Quoted = "Siti \"Ayu\", Rahma";
        const string Minus = "-Rahma+1";
        var formula = Api.Id(await Api.SubmitAsync(_admin, Api.Application(programmeId, name: Formula)));
        var quoted = Api.Id(await Api.SubmitAsync(_admin, Api.Application(programmeId, name: Quoted)));
        var minus = Api.Id(await Api.SubmitAsync(_admin, Api.Application(programmeId, name: Minus)));

        var file = await CsvFile.GetAsync(_admin, $"programmeId={programmeId}");

        file.RowOf(formula)[7].ShouldBe("'" + Formula);
        file.RowOf(quoted)[7].ShouldBe(Quoted);
        file.RowOf(minus)[7].ShouldBe("'" + Minus);
        file.Text.ShouldContain("\"'=HYPERLINK(\"\"http://contoh.test\"\",\"\"klik\"\"), Ibu\"");
        file.Records.ShouldAllBe(r => r.Length == Header.Length);
    }

    [Fact]
    public async Task Every_application_is_exported_once_however_many_chunks_it_takes()
    {
        var programmeId = Api.Id(await Api.OpenProgrammeAsync(_admin, Api.Programme(budget: 100_000_000_000)));
        var seeded = await Seed.EligibleAsync(funding.Services, programmeId, (2 * Koperasi.Funding.Applications.ExportApplications.ChunkSize) + 37);

        var file = await CsvFile.GetAsync(_admin, $"programmeId={programmeId}");

        Ids(file).ShouldBe(seeded.Select(id => id.ToString()).Order());
        file.Rows.ShouldAllBe(r => r[8] == "eligible" && r[7] == "Penerima Uji");
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koperasi.ServiceDefaults.Identity;
using Koperasi.ServiceDefaults.PersonalData;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Koperasi.Funding.Tests.Http;

/// <summary>Screens show the NIK masked; a reveal says why and is recorded; an erasure leaves nothing readable.</summary>
public class PersonalDataEndpointTests(FundingHost funding) : IClassFixture<FundingHost>
{
    private readonly HttpClient _admin = funding.CreateClient();

    private static JsonObject Purpose(string purpose = "Konfirmasi rekening") => new() { ["purpose"] = purpose };

    private readonly string _name = $"Rahmawati Uji {Guid.NewGuid().ToString("N")[..8]}";

    private async Task<(JsonObject Application, string Nik)> SubmittedAsync()
    {
        var programmeId = Api.Id(await Api.OpenProgrammeAsync(_admin));
        var nik = Api.Nik();
        return (await Api.SubmitAsync(_admin, Api.Application(programmeId, nik, name: _name)), nik);
    }

    [Fact]
    public async Task A_reveal_returns_the_record_in_clear_and_the_vault_records_who_why_and_when()
    {
        var (application, nik) = await SubmittedAsync();
        var verifikator = funding.CreateClientAs(KoperasiRoles.Verifikator);

        using var response = await verifikator.PostAsJsonAsync($"/api/funding/applications/{Api.Id(application)}/applicant/reveal", Purpose("Cek data bank"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var record = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        (record["nik"]!.GetValue<string>(), record["name"]!.GetValue<string>(), record["phone"]!.GetValue<string>()).ShouldBe((nik, _name, "081234567890"));

        await using var session = funding.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var log = await session.OfPersonAsync(Guid.Parse(application["applicant"]!["id"]!.GetValue<string>()), CancellationToken.None);
        var read = log.ShouldHaveSingleItem();
        (read.Actor, read.ActorRole, read.Purpose, read.Kind).ShouldBe(("test-verifikator", "verifikator", "Cek data bank", PersonalDataAccessLog.Read));
    }

    [Fact]
    public async Task A_reveal_without_a_purpose_reveals_nothing()
    {
        var (application, _) = await SubmittedAsync();
        using var response = await _admin.PostAsJsonAsync($"/api/funding/applications/{Api.Id(application)}/applicant/reveal", Purpose(""));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Api.FieldsOf(await Api.ProblemAsync(response)).ShouldContain("purpose");
    }

    [Fact]
    public async Task An_auditor_reads_the_application_with_the_NIK_masked_only()
    {
        var (application, nik) = await SubmittedAsync();
        using var response = await funding.CreateClientAs(KoperasiRoles.Auditor).GetAsync(new Uri($"/api/funding/applications/{Api.Id(application)}", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldNotContain(nik);
        JsonNode.Parse(body)!["applicant"]!["maskedNik"]!.GetValue<string>().ShouldBe(Nik.Mask(nik));
    }

    [Fact]
    public async Task An_erased_applicant_can_never_be_read_again_and_no_table_of_the_service_holds_the_NIK()
    {
        var (application, nik) = await SubmittedAsync();
        var applicantId = application["applicant"]!["id"]!.GetValue<string>();

        using var erased = await _admin.PostAsJsonAsync($"/api/funding/applicants/{applicantId}/erasure", new JsonObject { ["reason"] = "Permintaan penghapusan (UU PDP)" });
        erased.StatusCode.ShouldBe(HttpStatusCode.OK);

        using var reveal = await _admin.PostAsJsonAsync($"/api/funding/applications/{Api.Id(application)}/applicant/reveal", Purpose());
        reveal.StatusCode.ShouldBe(HttpStatusCode.Gone);
        (await Api.ProblemAsync(reveal))["rule"]!.GetValue<string>().ShouldBe("applicant-erased");
        var shown = await Api.GetAsync(_admin, $"/api/funding/applications/{Api.Id(application)}");
        (shown["applicant"]!["erased"]!.GetValue<bool>(), shown["applicant"]!["maskedNik"]).ShouldBe((true, null));
        using var again = await _admin.PostAsJsonAsync($"/api/funding/applicants/{applicantId}/erasure", new JsonObject { ["reason"] = "Lagi" });
        again.StatusCode.ShouldBe(HttpStatusCode.Gone);

        (await TablesHoldingAsync(nik)).ShouldBeEmpty();
        (await TablesHoldingAsync(_name)).ShouldBeEmpty();
        (await TablesHoldingAsync(Nik.Mask(nik))).ShouldBeEmpty();
    }

    [Fact]
    public async Task Erasing_an_unknown_applicant_answers_404_and_needs_a_reason()
    {
        using var unknown = await _admin.PostAsJsonAsync($"/api/funding/applicants/{Guid.NewGuid()}/erasure", new JsonObject { ["reason"] = "Uji" });
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var noReason = await _admin.PostAsJsonAsync($"/api/funding/applicants/{Guid.NewGuid()}/erasure", new JsonObject { ["reason"] = "" });
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    /// <summary>Every table of the host's schema whose rows, as text, contain the value.</summary>
    private async Task<IReadOnlyList<string>> TablesHoldingAsync(string value)
    {
        await using var connection = new NpgsqlConnection(Koperasi.Testing.TestInfrastructure.TestDatabase("funding"));
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("select table_name from information_schema.tables where table_schema = $1 and table_type = 'BASE TABLE'", connection))
        {
            list.Parameters.AddWithValue(funding.Schema);
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var holding = new List<string>();
        foreach (var table in tables)
        {
            await using var search = new NpgsqlCommand($"select count(*) from \"{funding.Schema}\".\"{table}\" t where t::text like '%' || $1 || '%'", connection);
            search.Parameters.AddWithValue(value);
            if ((long)(await search.ExecuteScalarAsync())! > 0)
            {
                holding.Add(table);
            }
        }

        tables.ShouldNotBeEmpty();
        return holding;
    }
}

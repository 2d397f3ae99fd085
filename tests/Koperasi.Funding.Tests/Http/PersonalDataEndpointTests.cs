using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json.Nodes;
using Koperasi.ServiceDefaults.Identity;
using Koperasi.ServiceDefaults.PersonalData;
using Koperasi.Testing;
using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Koperasi.Funding.Tests.Http;

/// <summary>
/// Screens show the NIK masked; a reveal says why and is recorded; an erasure, even after the grant
/// was paid into the applicant's account, leaves nothing readable in the database or on the bus.
/// </summary>
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
    public async Task An_auditor_reads_the_application_by_pseudonym_without_the_NIK_the_name_or_the_birth_date()
    {
        var (application, nik) = await SubmittedAsync();
        using var response = await funding.CreateClientAs(KoperasiRoles.Auditor).GetAsync(new Uri($"/api/funding/applications/{Api.Id(application)}", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        foreach (var personal in new[] { nik, Nik.Mask(nik), _name, "1990-07-15" })
        {
            body.ShouldNotContain(personal);
        }

        var applicant = JsonNode.Parse(body)!["applicant"]!;
        (applicant["id"]!.GetValue<string>(), applicant["erased"]!.GetValue<bool>()).ShouldBe((application["applicant"]!["id"]!.GetValue<string>(), false));
    }

    [Fact]
    public async Task An_applicant_erased_after_disbursement_can_never_be_read_again_and_neither_the_database_nor_the_bus_holds_the_NIK_phone_or_account()
    {
        await using var probe = await BrokerProbe.SubscribeAsync(funding.EntityPrefix, FundingContracts());
        var programme = await Api.OpenProgrammeAsync(_admin);
        var (programmeId, year) = (Api.Id(programme), programme["year"]!.GetValue<int>());
        var nik = Api.Nik();
        var phone = string.Create(CultureInfo.InvariantCulture, $"0812{Random.Shared.Next(10_000_000, 100_000_000)}");
        var account = Disbursements.Account(_name);
        var accountNumber = account["accountNumber"]!.GetValue<string>();
        var id = await Api.EligibleAsync(_admin, Api.Application(programmeId, nik, name: _name, phone: phone));
        using var batch = await IfMatch.PostAsync(_admin, $"/api/funding/programmes/{programmeId}/decree-batches", Api.Batch(id));
        batch.StatusCode.ShouldBe(HttpStatusCode.Created);
        var paid = await Disbursements.PayAsync(_admin, id, account);
        await Api.StepAsync(_admin, id, "monitoring-visits", Api.Visit());
        var applicantId = paid["applicant"]!["id"]!.GetValue<string>();
        var before = await ReportsWhenAsync(year, r => r.Monitoring["monitored"]!.GetValue<int>() == 1 && r.Recipients["recipients"]!.GetValue<int>() == 1);
        await probe.WaitForAsync("koperasi:funding:grant-monitored:v1", m => m.GetProperty("applicationId").GetString() == id);

        using var erased = await _admin.PostAsJsonAsync($"/api/funding/applicants/{applicantId}/erasure", new JsonObject { ["reason"] = "Permintaan penghapusan (UU PDP)" });
        erased.StatusCode.ShouldBe(HttpStatusCode.OK);

        using var reveal = await _admin.PostAsJsonAsync($"/api/funding/applications/{id}/applicant/reveal", Purpose());
        reveal.StatusCode.ShouldBe(HttpStatusCode.Gone);
        (await Api.ProblemAsync(reveal))["rule"]!.GetValue<string>().ShouldBe("applicant-erased");
        var shown = await Api.GetAsync(_admin, $"/api/funding/applications/{id}");
        (shown["applicant"]!["erased"]!.GetValue<bool>(), shown["applicant"]!["maskedNik"]).ShouldBe((true, null));
        using var again = await _admin.PostAsJsonAsync($"/api/funding/applicants/{applicantId}/erasure", new JsonObject { ["reason"] = "Lagi" });
        again.StatusCode.ShouldBe(HttpStatusCode.Gone);

        foreach (var personal in new[] { nik, Nik.Mask(nik), phone, accountNumber, _name })
        {
            (await TablesHoldingAsync(personal)).ShouldBeEmpty(personal);
        }

        await probe.DrainAsync();
        probe.Received.Count(m => m.Message.GetProperty("applicationId").GetString() == id).ShouldBe(4);
        foreach (var message in probe.Received)
        {
            var text = message.Message.GetRawText() + message.Headers.ToString();
            foreach (var personal in new[] { nik, phone, accountNumber, _name })
            {
                text.ShouldNotContain(personal);
            }
        }

        var after = await ReportsWhenAsync(year, _ => true);
        (after.Recipients.ToJsonString(), after.Monitoring.ToJsonString()).ShouldBe((before.Recipients.ToJsonString(), before.Monitoring.ToJsonString()));
    }

    [Fact]
    public async Task Erasing_an_unknown_applicant_answers_404_and_needs_a_reason()
    {
        using var unknown = await _admin.PostAsJsonAsync($"/api/funding/applicants/{Guid.NewGuid()}/erasure", new JsonObject { ["reason"] = "Uji" });
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var noReason = await _admin.PostAsJsonAsync($"/api/funding/applicants/{Guid.NewGuid()}/erasure", new JsonObject { ["reason"] = "" });
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    /// <summary>Every contract Funding publishes: all it can put on the bus.</summary>
    private static string[] FundingContracts() =>
    [
        .. typeof(Koperasi.Contracts.Funding.GrantDisbursed).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(Koperasi.Contracts.Funding.GrantDisbursed).Namespace)
            .Select(t => t.GetCustomAttribute<MessageUrnAttribute>())
            .OfType<MessageUrnAttribute>()
            .Select(a => a.Urn.ToString()["urn:message:".Length..]),
    ];

    private sealed record Reports(JsonObject Recipients, JsonObject Monitoring);

    private Task<Reports> ReportsWhenAsync(int year, Func<Reports, bool> caughtUp) =>
        Eventually.ValueAsync(async () =>
        {
            var reports = new Reports(
                await Api.GetAsync(_admin, $"/api/funding/reports/recipients?year={year}&groupBy=year,regency,kecamatan,category"),
                await Api.GetAsync(_admin, $"/api/funding/reports/monitoring?year={year}"));
            return caughtUp(reports) ? reports : null;
        }, $"the reports of {year}");

    /// <summary>Every table of every schema the service's store uses whose rows, as text, contain the value.</summary>
    private async Task<IReadOnlyList<string>> TablesHoldingAsync(string value)
    {
        var schemas = funding.Services.GetRequiredService<IDocumentStore>().Storage.AllSchemaNames();
        schemas.ShouldContain(funding.Schema);
        await using var connection = new NpgsqlConnection(Koperasi.Testing.TestInfrastructure.TestDatabase("funding"));
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("select format('%I.%I', table_schema, table_name) from information_schema.tables where table_schema = any($1) and table_type = 'BASE TABLE'", connection))
        {
            list.Parameters.AddWithValue(schemas.ToArray());
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var holding = new List<string>();
        foreach (var table in tables)
        {
            await using var search = new NpgsqlCommand($"select count(*) from {table} t where t::text like '%' || $1 || '%'", connection);
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

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koperasi.ServiceDefaults.Identity;
using Koperasi.Testing;

namespace Koperasi.Funding.Tests.Http;

/// <summary>
/// What an operator reaches over HTTP of decision 0009: the master keys (and the re-wrap that ends a
/// rotation) and the breach report of a window.
/// </summary>
public class PersonalDataOperationsTests(FundingHost funding) : IClassFixture<FundingHost>
{
    private const string Ops = "/api/funding/ops/personal-data";

    private static JsonObject Purpose(string purpose) => new() { ["purpose"] = purpose };

    [Fact]
    public async Task A_rotation_is_finished_by_the_rewrap_endpoint_after_which_the_old_master_key_is_not_needed()
    {
        var (oldKey, newKey) = (TestSecrets.PersonalDataMasterKey, TestSecrets.NewKey());
        var before = Host(oldKey);
        var hosts = new List<IsolatedFundingHost> { before };
        try
        {
            var admin = before.CreateClient();
            var programmeId = Api.Id(await Api.OpenProgrammeAsync(admin));
            var ids = new[] { Api.Id(await Api.SubmitAsync(admin, Api.Application(programmeId))), Api.Id(await Api.SubmitAsync(admin, Api.Application(programmeId))) };
            var oldId = (await Api.GetAsync(admin, $"{Ops}/keys"))["currentMasterKeyId"]!.GetValue<string>();
            await before.StopAsync();

            // The new key without the old one: nothing can be re-wrapped, and nothing is touched.
            var withoutOld = Host(newKey);
            hosts.Add(withoutOld);
            using (var refused = await withoutOld.CreateClient().PostAsync(new Uri($"{Ops}/keys/rewrap", UriKind.Relative), null))
            {
                refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
                var problem = await Api.ProblemAsync(refused);
                (problem["rule"]!.GetValue<string>(), problem["masterKeyIds"]![0]!.GetValue<string>()).ShouldBe(("master-key-missing", oldId));
            }

            (await KeysAsync(withoutOld.CreateClient())).ShouldBe(new Dictionary<string, int> { [oldId] = 2 });
            await withoutOld.StopAsync();

            var rotated = Host(newKey, oldKey);
            hosts.Add(rotated);
            var client = rotated.CreateClient();
            var status = await Api.GetAsync(client, $"{Ops}/keys");
            var newId = status["currentMasterKeyId"]!.GetValue<string>();
            newId.ShouldNotBe(oldId);
            status["configuredMasterKeyIds"]!.AsArray().Select(k => k!.GetValue<string>()).ShouldBe([oldId, newId], ignoreOrder: true);
            using (var rewrap = await client.PostAsync(new Uri($"{Ops}/keys/rewrap", UriKind.Relative), null))
            {
                rewrap.StatusCode.ShouldBe(HttpStatusCode.OK, await rewrap.Content.ReadAsStringAsync());
                var done = (await rewrap.Content.ReadFromJsonAsync<JsonObject>())!;
                done["rewrapped"]!.GetValue<int>().ShouldBe(2);
            }

            (await KeysAsync(client)).ShouldBe(new Dictionary<string, int> { [newId] = 2 });
            using (var again = await client.PostAsync(new Uri($"{Ops}/keys/rewrap", UriKind.Relative), null))
            {
                (await again.Content.ReadFromJsonAsync<JsonObject>())!["rewrapped"]!.GetValue<int>().ShouldBe(0);
            }

            await rotated.StopAsync();

            var after = Host(newKey);
            hosts.Add(after);
            foreach (var id in ids)
            {
                using var reveal = await after.CreateClient().PostAsJsonAsync($"/api/funding/applications/{id}/applicant/reveal", Purpose("Uji rotasi kunci"));
                reveal.StatusCode.ShouldBe(HttpStatusCode.OK);
            }
        }
        finally
        {
            // The last one drops the schema; the others were stopped (or fail to start) already.
            await hosts[^1].DisposeAsync();
        }
    }

    [Fact]
    public async Task The_breach_report_says_who_read_whose_data_in_the_window_and_what_the_vault_holds()
    {
        var admin = funding.CreateClient();
        var programmeId = Api.Id(await Api.OpenProgrammeAsync(admin));
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(Api.Id(await Api.SubmitAsync(admin, Api.Application(programmeId))));
        }

        var verifikator = funding.CreateClientAs(KoperasiRoles.Verifikator);
        var pendamping = funding.CreateClientAs(KoperasiRoles.Pendamping, "1503");
        foreach (var (client, id) in new[] { (verifikator, ids[0]), (verifikator, ids[1]), (verifikator, ids[0]), (pendamping, ids[1]) })
        {
            using var reveal = await client.PostAsJsonAsync($"/api/funding/applications/{id}/applicant/reveal", Purpose("Cek rekening"));
            reveal.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var erasedApplicant = (await Api.GetAsync(admin, $"/api/funding/applications/{ids[2]}"))["applicant"]!["id"]!.GetValue<string>();
        using (var erased = await admin.PostAsJsonAsync($"/api/funding/applicants/{erasedApplicant}/erasure", new JsonObject { ["reason"] = "Permintaan pemohon" }))
        {
            erased.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        // Every entry is stamped with the host's clock: the window is [from, to).
        var now = funding.Clock.GetUtcNow();
        var report = await Api.GetAsync(admin, $"{Ops}/breach-report?from={Moment(now)}&to={Moment(now.AddSeconds(1))}");

        (report["reads"]!.GetValue<int>(), report["peopleRead"]!.GetValue<int>(), report["erasures"]!.GetValue<int>()).ShouldBe((4, 2, 1));
        report["readers"]!.AsArray().Select(r => (r!["actor"]!.GetValue<string>(), r["role"]!.GetValue<string>(), r["reads"]!.GetValue<int>(), r["people"]!.GetValue<int>()))
            .ShouldBe([("test-verifikator", "verifikator", 3, 2), ("test-pendamping", "pendamping", 1, 1)]);
        report["entries"]!.AsArray().Count.ShouldBe(5);
        var holdings = report["holdings"]!;
        (holdings["keys"]!.GetValue<int>(), holdings["records"]!.GetValue<int>(), holdings["nikHashes"]!.GetValue<int>()).ShouldBe((2, 2, 2));
        report["keys"]!["keysByMasterKey"]!.AsObject().Single().Value!.GetValue<int>().ShouldBe(2);

        var earlier = await Api.GetAsync(admin, $"{Ops}/breach-report?from={Moment(now.AddHours(-72))}&to={Moment(now)}");
        (earlier["reads"]!.GetValue<int>(), earlier["entries"]!.AsArray().Count).ShouldBe((0, 0));
    }

    [Theory]
    [InlineData("to=2026-03-10T00:00:00Z", "from")]
    [InlineData("from=2026-03-10T00:00:00Z", "to")]
    [InlineData("from=2026-03-10T00:00:00&to=2026-03-11T00:00:00Z", "from")]
    [InlineData("from=kemarin&to=2026-03-11T00:00:00Z", "from")]
    [InlineData("from=2026-03-11T00:00:00%2B07:00&to=2026-03-10T00:00:00Z", "to")]
    [InlineData("from=2024-01-01T00:00:00Z&to=2026-03-10T00:00:00Z", "to")]
    public async Task A_bad_window_answers_400_naming_the_field(string query, string field)
    {
        using var response = await funding.CreateClient().GetAsync(new Uri($"{Ops}/breach-report?{query}", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Api.FieldsOf(await Api.ProblemAsync(response)).ShouldContain(field);
    }

    private static IsolatedFundingHost Host(string masterKey, string? previousMasterKey = null)
    {
        var host = new IsolatedFundingHost("pdrotation");
        host.With("Marten:DaemonMode", "Disabled").With("PersonalData:MasterKey", masterKey);
        if (previousMasterKey is not null)
        {
            host.With("PersonalData:PreviousMasterKeys:0", previousMasterKey);
        }

        return host;
    }

    private static async Task<Dictionary<string, int>> KeysAsync(HttpClient client) =>
        (await Api.GetAsync(client, $"{Ops}/keys"))["keysByMasterKey"]!.AsObject().ToDictionary(k => k.Key, k => k.Value!.GetValue<int>());

    private static string Moment(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("yyyy-MM-ddTHH:mm:ss.fffffffzzz", System.Globalization.CultureInfo.InvariantCulture));
}

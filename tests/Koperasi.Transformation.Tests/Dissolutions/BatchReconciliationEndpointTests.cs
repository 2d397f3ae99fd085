using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using static Koperasi.Transformation.Tests.Dissolutions.DissolutionApi;

namespace Koperasi.Transformation.Tests.Dissolutions;

/// <summary>
/// A batch's answers imported from the ministry's file and reconciled: every kind of answer, a koperasi
/// still pending, an answer for a koperasi not in the batch, a second answer, and a case withdrawn since
/// it was proposed; a file with a bad row is refused whole.
/// </summary>
public class BatchReconciliationEndpointTests(DissolutionHost host) : IClassFixture<DissolutionHost>
{
    private readonly HttpClient _client = host.CreateClient();

    private Task<HttpResponseMessage> ImportAsync(JsonObject batch, long version, string csv)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{BatchesUrl}/{batch["id"]}/answers-file") { Content = new StringContent(csv, Encoding.UTF8, "text/csv") };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        return _client.SendAsync(request);
    }

    [Fact]
    public async Task Every_kind_of_answer_and_mismatch_is_counted_per_regency()
    {
        var ids = new[] { "1571", "1571", "1571", "1504", "1504" };
        var cooperatives = new List<Guid>();
        var cases = new List<JsonObject>();
        foreach (var regency in ids)
        {
            var cooperative = await RegistryFacts.RegisterAsync(host, regency: regency);
            cooperatives.Add(cooperative);
            cases.Add(await AnnouncedAsync(_client, cooperative));
        }

        var batch = await OpenBatchAsync(_client, [.. cases]);
        using (var send = await PostAsync(_client, $"{BatchesUrl}/{batch["id"]}/sending", null, Version(batch)))
        {
            send.StatusCode.ShouldBe(HttpStatusCode.OK, await send.Content.ReadAsStringAsync());
        }

        var sent = await DissolutionApi.BatchAsync(_client, batch);
        await StepOkAsync(_client, await CaseAsync(_client, cases[0]), "ministry-notice", new JsonObject { ["number"] = "B-7/KUKM/XI/2026", ["date"] = "2026-11-22" });
        await StepOkAsync(_client, await CaseAsync(_client, cases[4]), "withdrawal", new JsonObject { ["reason"] = "Koperasi kembali aktif dan menggelar RAT." });
        host.Clock.Advance(TimeSpan.FromDays(70));
        var stranger = Guid.NewGuid();

        using (var bad = await ImportAsync(sent, Version(sent), $"cooperative_id,answer\n{cooperatives[0]},maybe\n"))
        {
            bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await bad.Content.ReadAsStringAsync()).ShouldContain("row 2");
        }

        Version(await DissolutionApi.BatchAsync(_client, batch)).ShouldBe(Version(sent));

        var csv = new StringBuilder("cooperative_id,answer,decree_number,decree_date,reason,documents\n")
            .Append(CultureInfo(cooperatives[0])).Append(",approved,012/KEP/M.KUKM.2/I/2027,2027-01-25,,\n")
            .Append(CultureInfo(cooperatives[1])).Append(",rejected,,,Masih menjalankan usaha simpan pinjam.,\n")
            .Append(CultureInfo(cooperatives[2])).Append(",documents-needed,,,,Akta pendirian asli|Surat keterangan kehilangan dari kepolisian\n")
            .Append(CultureInfo(cooperatives[3])).Append(",reverify,,,,\n")
            .Append(CultureInfo(stranger)).Append(",reverify,,,,\n")
            .ToString();
        using (var imported = await ImportAsync(sent, Version(sent), csv))
        {
            imported.StatusCode.ShouldBe(HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        }

        // The ministry's later letter answers one koperasi again, differently; the same file again changes nothing.
        var answered = await DissolutionApi.BatchAsync(_client, batch);
        using (var again = await ImportAsync(answered, Version(answered), csv))
        {
            again.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        Version(await DissolutionApi.BatchAsync(_client, batch)).ShouldBe(Version(answered));
        using (var second = await ImportAsync(answered, Version(answered), $"cooperative_id,answer\n{cooperatives[1]},reverify\n"))
        {
            second.StatusCode.ShouldBe(HttpStatusCode.OK, await second.Content.ReadAsStringAsync());
        }

        var reconciliation = await GetAsync(_client, $"{BatchesUrl}/{batch["id"]}/reconciliation");

        Counts(reconciliation).ShouldBe((5, 1, 1, 1, 1, 1));
        var rows = reconciliation["byRegency"]!.AsArray();
        rows.Select(r => Text(r!["regencyCode"])).ShouldBe(["1504", "1571"]);
        Counts(rows[0]!.AsObject()).ShouldBe((2, 0, 0, 0, 1, 1));
        Counts(rows[1]!.AsObject()).ShouldBe((3, 1, 1, 1, 0, 0));
        reconciliation["mismatches"]!.AsArray().Select(m => (Text(m!["kind"]), m["cooperativeId"]!.GetValue<Guid>())).OrderBy(m => m.Item1).ShouldBe(
            [("changed-since-proposed", cooperatives[4]), ("not-in-batch", stranger), ("second-answer", cooperatives[1])]);
        var stages = new List<string>();
        foreach (var c in cases.Take(4))
        {
            stages.Add(Text((await CaseAsync(_client, c))["stage"]));
        }

        stages.ShouldBe(["decided", "rejected", "announced", "proposed"]);

        using var export = await _client.GetAsync(new Uri($"{BatchesUrl}/{batch["id"]}/export", UriKind.Relative));
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await export.Content.ReadAsStringAsync()).ShouldContain(cooperatives[3].ToString());
    }

    private static string CultureInfo(Guid id) => id.ToString();

    private static (int, int, int, int, int, int) Counts(JsonObject o) => (
        o["proposed"]!.GetValue<int>(), o["approved"]!.GetValue<int>(), o["rejected"]!.GetValue<int>(),
        o["documentsNeeded"]!.GetValue<int>(), o["reverify"]!.GetValue<int>(), o["pending"]!.GetValue<int>());
}

using System.Net;
using System.Text.Json.Nodes;
using Koperasi.FakeMinistry;
using static Koperasi.Transformation.Tests.Dissolutions.DissolutionApi;

namespace Koperasi.Transformation.Tests.Dissolutions;

/// <summary>
/// A government-path dissolution over HTTP, on the real PostgreSQL and a fake ministry on loopback:
/// proposed, verified, announced, in a batch sent once, noticed, approved by the ministry's answer,
/// liquidated, dissolved; the koperasi is free of the claim only as dissolved (it cannot be proposed again).
/// </summary>
public class GovernmentDissolutionWalkTests(DissolutionHost host) : IClassFixture<DissolutionHost>
{
    private readonly HttpClient _client = host.CreateClient();

    [Fact]
    public async Task A_government_case_walks_through_a_batch_and_the_ministrys_approval_to_dissolved()
    {
        var cooperative = await RegistryFacts.RegisterAsync(host, "Koperasi Sinar Tani", regency: "1504");
        var announced = await AnnouncedAsync(_client, cooperative);
        var batch = await OpenBatchAsync(_client, announced);

        using (var send = await PostAsync(_client, $"{BatchesUrl}/{batch["id"]}/sending", null, Version(batch)))
        {
            send.StatusCode.ShouldBe(HttpStatusCode.OK, await send.Content.ReadAsStringAsync());
        }

        var sentBatch = await BatchAsync(_client, batch);
        Text(sentBatch["sentOn"]).ShouldBe("2026-11-22");
        host.Ministry.Registry.Batches.ShouldHaveSingleItem().IdempotencyKey.ShouldBe($"dissolution-batch-{batch["id"]!.GetValue<Guid>():N}");
        var sent = await CaseAsync(_client, announced);
        Text(sent["stage"]).ShouldBe("proposed-to-ministry");

        var noticed = await StepOkAsync(_client, sent, "ministry-notice", new JsonObject { ["number"] = "B-112/KUKM/XI/2026", ["date"] = "2026-11-22" });
        host.Clock.Advance(TimeSpan.FromDays(70)); // 2027-01-31: the objection period (to 2027-01-22) is over.
        host.Ministry.Script.Set(new ScriptedAnswer("approved", DecreeDate: new DateOnly(2027, 1, 25)), null, null);
        using (var fetch = await PostAsync(_client, $"{BatchesUrl}/{batch["id"]}/ministry-answers", null, Version(sentBatch)))
        {
            fetch.StatusCode.ShouldBe(HttpStatusCode.OK, await fetch.Content.ReadAsStringAsync());
        }

        host.Ministry.Registry.Batches.Count.ShouldBe(1);
        var decided = await CaseAsync(_client, noticed);
        (Text(decided["stage"]), Text(decided["decided"]!["decidedOn"])).ShouldBe(("decided", "2027-01-25"));

        var team = await StepOkAsync(_client, decided, "liquidation-team", new JsonObject { ["members"] = new JsonArray("Drs. Ahmad Yani", "Siti Rahma, S.E."), ["namedOn"] = "2027-01-27" });
        var recorded = await StepOkAsync(_client, team, "creditors", new JsonObject { ["name"] = "Bank Jambi Cabang Muara Bulian", ["recordedOn"] = "2027-01-28" });
        var creditor = recorded["creditors"]!.AsArray().ShouldHaveSingleItem()!;
        recorded["creditorsNotNotified"]!.AsArray().Count.ShouldBe(1);
        var notified = await StepOkAsync(_client, recorded, "creditor-notifications", new JsonObject { ["creditorId"] = creditor["creditorId"]!.DeepClone(), ["notifiedOn"] = "2027-01-29" });
        notified["creditorsNotNotified"]!.AsArray().ShouldBeEmpty();

        using (var early = await PostAsync(_client, $"{CasesUrl}/{announced["id"]}/settlement", new JsonObject { ["settledOn"] = "2027-01-31" }, Version(notified)))
        {
            early.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
            Text((await Api.ProblemAsync(early))["rule"]).ShouldBe("claims-period-not-over");
        }

        host.Clock.Advance(TimeSpan.FromDays(100)); // 2027-05-11
        var settled = await StepOkAsync(_client, notified, "settlement", new JsonObject { ["settledOn"] = "2027-05-03" });
        var dissolved = await StepOkAsync(_client, settled, "extinction", new JsonObject { ["effectiveOn"] = "2027-05-10" });

        (Text(dissolved["stage"]), Text(dissolved["dissolvedOn"])).ShouldBe(("dissolved", "2027-05-10"));
        using var again = await _client.PostAsync($"{CasesUrl}/government", System.Net.Http.Json.JsonContent.Create(Government(cooperative, "2027-05-11")));
        again.StatusCode.ShouldBeOneOf(HttpStatusCode.Conflict, HttpStatusCode.UnprocessableEntity);
    }
}

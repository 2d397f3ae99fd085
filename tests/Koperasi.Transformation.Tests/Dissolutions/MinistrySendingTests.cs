using System.Net;
using System.Text.Json.Nodes;
using static Koperasi.Transformation.Tests.Dissolutions.DissolutionApi;

namespace Koperasi.Transformation.Tests.Dissolutions;

/// <summary>Sending a batch through the adapter: a ministry that fails or times out answers 503 and records nothing; sent again it recovers, and the ministry registers the batch once.</summary>
public class MinistrySendingTests(DissolutionHost host) : IClassFixture<DissolutionHost>
{
    private readonly HttpClient _client = host.CreateClient();

    private async Task<(JsonObject Batch, JsonObject Case)> BatchAsync()
    {
        var announced = await AnnouncedAsync(_client, await RegistryFacts.RegisterAsync(host));
        return (await OpenBatchAsync(_client, announced), announced);
    }

    private int Registered(JsonObject batch) => host.Ministry.Registry.Batches.Count(b => b.BatchId == batch["id"]!.GetValue<Guid>());

    [Fact]
    public async Task A_failing_then_timing_out_ministry_answers_503_records_nothing_and_a_later_send_registers_the_batch_once()
    {
        var (batch, @case) = await BatchAsync();
        host.Ministry.Behaviour.Reset();
        host.Ministry.Behaviour.FailNext(3, 503);

        using (var failed = await PostAsync(_client, $"{BatchesUrl}/{batch["id"]}/sending", null, Version(batch)))
        {
            failed.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            Text((await Api.ProblemAsync(failed))["rule"]).ShouldBe("ministry-unavailable");
        }

        host.Ministry.Behaviour.TimeOutNext(3, TimeSpan.FromSeconds(2));
        using (var timedOut = await PostAsync(_client, $"{BatchesUrl}/{batch["id"]}/sending", null, Version(batch)))
        {
            timedOut.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        }

        var unsent = await DissolutionApi.BatchAsync(_client, batch);
        (unsent["sentOn"], Version(unsent), Text((await CaseAsync(_client, @case))["stage"])).ShouldBe((null, Version(batch), "announced"));

        using (var recovered = await PostAsync(_client, $"{BatchesUrl}/{batch["id"]}/sending", null, Version(batch)))
        {
            recovered.StatusCode.ShouldBe(HttpStatusCode.OK, await recovered.Content.ReadAsStringAsync());
        }

        var sent = await DissolutionApi.BatchAsync(_client, batch);
        using (var twice = await PostAsync(_client, $"{BatchesUrl}/{batch["id"]}/sending", null, Version(sent)))
        {
            twice.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        Registered(batch).ShouldBe(1);
        Version(await DissolutionApi.BatchAsync(_client, batch)).ShouldBe(Version(sent));
        Text((await CaseAsync(_client, @case))["stage"]).ShouldBe("proposed-to-ministry");
    }

    [Fact]
    public async Task A_batch_of_a_case_not_announced_long_enough_or_of_nothing_is_refused()
    {
        var cooperative = await RegistryFacts.RegisterAsync(host);
        var proposed = await ProposeAsync(_client, "government", Government(cooperative));

        using var notReady = await _client.PostAsync(BatchesUrl, System.Net.Http.Json.JsonContent.Create(new JsonObject
        {
            ["title"] = "Usulan", ["caseIds"] = new JsonArray(JsonValue.Create(proposed["id"]!.GetValue<Guid>())),
        }));
        using var empty = await _client.PostAsync(BatchesUrl, System.Net.Http.Json.JsonContent.Create(new JsonObject { ["title"] = "Usulan", ["caseIds"] = new JsonArray() }));

        notReady.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        Text((await Api.ProblemAsync(notReady))["field"]).ShouldBe("caseIds[0]");
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}

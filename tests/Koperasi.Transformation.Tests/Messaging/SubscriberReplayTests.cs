using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koperasi.Testing;

namespace Koperasi.Transformation.Tests.Messaging;

/// <summary>
/// History on demand for one subscriber, as the Registry offers it (ADR 0024): Transformation replays
/// the contracts asked to the caller's own queue only, with the live message ids and positions; a
/// queue of another prefix is refused.
/// </summary>
public sealed class SubscriberReplayTests(TransformationHost host) : IClassFixture<TransformationHost>
{
    private const string CaseOpened = "koperasi:transformation:case-opened:v1";

    [Fact]
    public async Task A_replay_reaches_the_callers_queue_only_with_the_live_message_ids_and_positions()
    {
        await using var live = await SubscriberQueue.DeclareAsync(host.EntityPrefix, "transformation", "bi", CaseOpened);
        var client = host.CreateClient();
        var cases = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var (survivor, absorbed) = (await RegistryFacts.RegisterAsync(host), await RegistryFacts.RegisterAsync(host));
            cases.Add(Api.Text((await Api.ProposeAsync(client, "mergers", Api.Merger(survivor, absorbed)))["id"]));
        }

        var opened = await Eventually.ValueAsync(
            async () => (await live.DrainAsync()).Where(m => cases.Contains(m.Message.GetProperty("caseId").GetString()!)).ToList() is { Count: 2 } ours ? ours : null,
            "the live case-opened messages");
        var liveCount = live.Received.Count;
        await using var mine = await SubscriberQueue.DeclareAsync(host.EntityPrefix, "transformation", "bi");

        var progress = await ReplayAndWaitAsync(new JsonObject { ["queue"] = mine.Name, ["contracts"] = new JsonArray(CaseOpened) });

        var replayed = await Eventually.ValueAsync(
            async () => await mine.DrainAsync() is { } all && all.Count(m => cases.Contains(m.Message.GetProperty("caseId").GetString()!)) >= 2 ? all : null,
            "the replayed messages");
        replayed.ShouldAllBe(m => m.Contract == CaseOpened);
        progress["published"]!.GetValue<long>().ShouldBe(replayed.Count);
        foreach (var message in opened)
        {
            var again = replayed.Single(m => m.MessageId == message.MessageId);
            (again.Sequence, again.RecordedAt).ShouldBe((message.Sequence, message.RecordedAt));
        }

        // The live subscriber, bound to the same contract, saw nothing of it.
        await Task.Delay(500, TestContext.Current.CancellationToken);
        (await live.DrainAsync()).Count.ShouldBe(liveCount);
    }

    [Fact]
    public async Task A_queue_of_another_prefix_is_refused()
    {
        await using var theirs = await SubscriberQueue.DeclareAsync(host.EntityPrefix, "transformation", "ministry");
        using var client = SubscriberQueue.Caller(host.CreateClient(), "bi");

        using var response = await client.PostAsJsonAsync("/api/transformation/subscriber-replays", new JsonObject { ["queue"] = theirs.Name }, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        problem!["errors"]!.AsObject().ContainsKey("queue").ShouldBeTrue();
        (await theirs.DrainAsync()).ShouldBeEmpty();
    }

    private async Task<JsonObject> ReplayAndWaitAsync(JsonObject request)
    {
        using var client = SubscriberQueue.Caller(host.CreateClient(), "bi");
        using var response = await client.PostAsJsonAsync("/api/transformation/subscriber-replays", request, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var id = (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["id"]!.GetValue<string>();
        return await Eventually.ValueAsync(
            async () =>
            {
                var progress = await client.GetFromJsonAsync<JsonObject>($"/api/transformation/subscriber-replays/{id}");
                progress!["status"]!.GetValue<string>().ShouldNotBe("failed");
                return progress["status"]!.GetValue<string>() == "completed" ? progress : null;
            },
            "the replay to complete");
    }
}

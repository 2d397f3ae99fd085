using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koperasi.Testing;

namespace Koperasi.Funding.Tests.Messaging;

/// <summary>
/// History on demand for one subscriber, as the Registry offers it (ADR 0024): Funding replays the
/// contracts asked to the caller's own queue only, with the live message ids and positions; a queue
/// of another prefix is refused.
/// </summary>
public sealed class SubscriberReplayTests : IAsyncLifetime
{
    private const string Submitted = "koperasi:funding:application-submitted:v1";

    private readonly IsolatedFundingHost _funding = new("subreplay");

    public async ValueTask InitializeAsync()
    {
        _funding.With("SubscriberReplay:PollInterval", "00:00:00.200");
        await _funding.InitializeAsync();
    }

    public async ValueTask DisposeAsync() => await _funding.DisposeAsync();

    [Fact]
    public async Task A_replay_reaches_the_callers_queue_only_with_the_live_message_ids_and_positions()
    {
        await using var live = await SubscriberQueue.DeclareAsync(_funding.EntityPrefix, "funding", "bi", Submitted);
        var admin = _funding.CreateClient();
        var programmeId = Api.Id(await Api.OpenProgrammeAsync(admin));
        for (var i = 0; i < 2; i++)
        {
            await Api.SubmitAsync(admin, Api.Application(programmeId));
        }

        var submitted = await Eventually.ValueAsync(async () => await live.DrainAsync() is { Count: 2 } all ? all.ToList() : null, "the live submissions");
        await using var mine = await SubscriberQueue.DeclareAsync(_funding.EntityPrefix, "funding", "bi");

        var progress = await ReplayAndWaitAsync(new JsonObject { ["queue"] = mine.Name, ["contracts"] = new JsonArray(Submitted) });

        var replayed = await Eventually.ValueAsync(async () => await mine.DrainAsync() is { Count: >= 2 } all ? all : null, "the replayed messages");
        replayed.Count.ShouldBe(2);
        replayed.ShouldAllBe(m => m.Contract == Submitted);
        progress["published"]!.GetValue<long>().ShouldBe(2);
        foreach (var message in submitted)
        {
            var again = replayed.Single(m => m.MessageId == message.MessageId);
            (again.Sequence, again.RecordedAt).ShouldBe((message.Sequence, message.RecordedAt));
            again.Message.GetProperty("applicationId").GetString().ShouldBe(message.Message.GetProperty("applicationId").GetString());
        }

        // The live subscriber, bound to the same contract, saw nothing of it.
        await Task.Delay(500, TestContext.Current.CancellationToken);
        (await live.DrainAsync()).Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_queue_of_another_prefix_is_refused()
    {
        await using var theirs = await SubscriberQueue.DeclareAsync(_funding.EntityPrefix, "funding", "ministry");
        using var client = SubscriberQueue.Caller(_funding.CreateClient(), "bi");

        using var response = await client.PostAsJsonAsync("/api/funding/subscriber-replays", new JsonObject { ["queue"] = theirs.Name }, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        problem!["errors"]!.AsObject().ContainsKey("queue").ShouldBeTrue();
        (await theirs.DrainAsync()).ShouldBeEmpty();
    }

    private async Task<JsonObject> ReplayAndWaitAsync(JsonObject request)
    {
        using var client = SubscriberQueue.Caller(_funding.CreateClient(), "bi");
        using var response = await client.PostAsJsonAsync("/api/funding/subscriber-replays", request, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var id = (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["id"]!.GetValue<string>();
        return await Eventually.ValueAsync(
            async () =>
            {
                var progress = await client.GetFromJsonAsync<JsonObject>($"/api/funding/subscriber-replays/{id}");
                progress!["status"]!.GetValue<string>().ShouldNotBe("failed");
                return progress["status"]!.GetValue<string>() == "completed" ? progress : null;
            },
            "the replay to complete");
    }
}

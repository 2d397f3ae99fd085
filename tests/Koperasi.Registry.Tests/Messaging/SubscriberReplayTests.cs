using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Koperasi.Testing;

namespace Koperasi.Registry.Tests.Messaging;

/// <summary>
/// History on demand for one subscriber: the Registry replays its events to the caller's own queue
/// only (the replay exchange, routed by the queue's name), filtered by contract and from a sequence or a time, keeping message ids
/// and position headers; a queue of another prefix is refused.
/// </summary>
public sealed class SubscriberReplayTests : IAsyncLifetime
{
    private const string Registered = "koperasi:registry:cooperative-registered:v1";
    private const string RatReported = "koperasi:registry:rat-reported:v1";

    private readonly IsolatedRegistryHost _registry = new("subreplay", new DateTimeOffset(2026, 11, 22, 3, 0, 0, TimeSpan.Zero));
    private SubscriberQueue _live = null!;
    private HttpClient _writer = null!;
    private readonly List<string> _ids = [];

    public async ValueTask InitializeAsync()
    {
        _registry.With("SubscriberReplay:PollInterval", "00:00:00.200");
        await _registry.InitializeAsync();
        _live = await SubscriberQueue.DeclareAsync(_registry.EntityPrefix, "registry", "bi", Registered, RatReported);
        _writer = _registry.CreateClientAs("admin-provinsi");
        for (var i = 0; i < 3; i++)
        {
            var id = (await Api.RegisterAsync(_writer, Api.Registration(rats: Api.Rat(2023, "2024-03-02"))))["id"]!.GetValue<string>();
            _ids.Add(id);
        }

        // The live flow has delivered everything before any replay starts.
        await Eventually.UntilAsync(async () => (await _live.DrainAsync()).Count(m => m.Contract == Registered) >= 3, "the live registrations");
        await Eventually.UntilAsync(async () => (await _live.DrainAsync()).Count(m => m.Contract == RatReported) >= 3, "the live RATs");
    }

    public async ValueTask DisposeAsync()
    {
        await _live.DisposeAsync();
        await _registry.DisposeAsync();
    }

    [Fact]
    public async Task A_replay_reaches_the_callers_queue_only_with_the_live_message_ids_and_positions()
    {
        await using var mine = await SubscriberQueue.DeclareAsync(_registry.EntityPrefix, "registry", "bi");
        var liveIds = _live.Received.Select(m => m.MessageId).ToHashSet();
        var liveCount = _live.Received.Count;

        var progress = await ReplayAndWaitAsync("bi", new JsonObject { ["queue"] = mine.Name });

        var replayed = await Eventually.ValueAsync(
            async () => await mine.DrainAsync() is { Count: >= 6 } all ? all : null, "the replayed messages");
        replayed.Count(m => m.Contract == Registered).ShouldBe(3);
        replayed.Count(m => m.Contract == RatReported).ShouldBe(3);
        progress["published"]!.GetValue<long>().ShouldBe(replayed.Count);
        progress["position"]!.GetValue<long>().ShouldBe(progress["upToSequence"]!.GetValue<long>());
        // The same message ids and positions as the live flow: the subscriber dedupes the overlap.
        replayed.Select(m => m.MessageId).ShouldAllBe(id => liveIds.Contains(id));
        foreach (var message in replayed)
        {
            var live = _live.Received.Single(m => m.MessageId == message.MessageId);
            message.Sequence.ShouldBe(live.Sequence);
            message.RecordedAt.ShouldBe(live.RecordedAt);
            message.Message.GetProperty("cooperativeId").GetString().ShouldBe(live.Message.GetProperty("cooperativeId").GetString());
        }

        // The other subscriber, bound to the same exchanges, saw nothing of it.
        await Task.Delay(500, TestContext.Current.CancellationToken);
        (await _live.DrainAsync()).Count.ShouldBe(liveCount);
    }

    [Fact]
    public async Task A_replay_of_some_contracts_from_a_sequence_sends_only_those_after_it()
    {
        await using var mine = await SubscriberQueue.DeclareAsync(_registry.EntityPrefix, "registry", "bi");
        var second = _live.Received.Single(m => m.Contract == Registered && m.Message.GetProperty("cooperativeId").GetString() == _ids[1]);

        var progress = await ReplayAndWaitAsync("bi", new JsonObject
        {
            ["queue"] = mine.Name,
            ["fromSequence"] = second.Sequence,
            ["contracts"] = new JsonArray(RatReported),
        });

        var expected = _live.Received.Where(m => m.Contract == RatReported && m.Sequence > second.Sequence).Select(m => m.MessageId).ToHashSet();
        expected.Count.ShouldBeInRange(1, 2);
        var replayed = await Eventually.ValueAsync(async () => await mine.DrainAsync() is { } all && all.Count >= expected.Count ? all : null, "the replayed RATs");
        replayed.Select(m => m.MessageId).ToHashSet().SetEquals(expected).ShouldBeTrue();
        replayed.ShouldAllBe(m => m.Contract == RatReported);
        progress["published"]!.GetValue<long>().ShouldBe(expected.Count);
    }

    [Fact]
    public async Task A_replay_from_a_time_sends_the_events_recorded_from_then()
    {
        await using var mine = await SubscriberQueue.DeclareAsync(_registry.EntityPrefix, "registry", "bi");
        var last = _live.Received.Single(m => m.Contract == Registered && m.Message.GetProperty("cooperativeId").GetString() == _ids[2]);

        await ReplayAndWaitAsync("bi", new JsonObject { ["queue"] = mine.Name, ["fromTime"] = last.RecordedAt.ToString("O", CultureInfo.InvariantCulture) });

        var expected = _live.Received.Where(m => m.RecordedAt >= last.RecordedAt).Select(m => m.MessageId).ToHashSet();
        expected.ShouldContain(last.MessageId);
        var replayed = await Eventually.ValueAsync(async () => await mine.DrainAsync() is { } all && all.Count >= expected.Count ? all : null, "the replayed messages");
        replayed.Select(m => m.MessageId).ToHashSet().SetEquals(expected).ShouldBeTrue();
        replayed.ShouldNotContain(m => m.Message.GetProperty("cooperativeId").GetString() == _ids[0]);
    }

    [Fact]
    public async Task A_queue_of_another_prefix_is_refused_and_receives_nothing()
    {
        await using var theirs = await SubscriberQueue.DeclareAsync(_registry.EntityPrefix, "registry", "ministry");
        using var client = Caller("bi");

        using var response = await client.PostAsJsonAsync("/api/registry/subscriber-replays", new JsonObject { ["queue"] = theirs.Name }, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        problem!["errors"]!.AsObject().ContainsKey("queue").ShouldBeTrue();
        await Task.Delay(1000, TestContext.Current.CancellationToken);
        (await theirs.DrainAsync()).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("{\"queue\":\"QUEUE\",\"contracts\":[\"koperasi:transformation:merger-completed:v1\"]}", "contracts")]
    [InlineData("{\"queue\":\"QUEUE\",\"fromSequence\":-1}", "fromSequence")]
    [InlineData("{\"queue\":\"QUEUE-missing\"}", "queue")]
    [InlineData("{}", "queue")]
    public async Task A_bad_request_names_its_field(string body, string field)
    {
        await using var mine = await SubscriberQueue.DeclareAsync(_registry.EntityPrefix, "registry", "bi");
        using var client = Caller("bi");
        using var content = new StringContent(body.Replace("QUEUE", mine.Name, StringComparison.Ordinal), Encoding.UTF8, "application/json");

        using var response = await client.PostAsync("/api/registry/subscriber-replays", content, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        problem!["errors"]!.AsObject().ContainsKey(field).ShouldBeTrue();
    }

    [Fact]
    public async Task Another_caller_does_not_see_a_replay()
    {
        await using var mine = await SubscriberQueue.DeclareAsync(_registry.EntityPrefix, "registry", "bi");
        var progress = await ReplayAndWaitAsync("bi", new JsonObject { ["queue"] = mine.Name });
        using var other = Caller("ministry");

        using var response = await other.GetAsync($"/api/registry/subscriber-replays/{progress["id"]}", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private async Task<JsonObject> ReplayAndWaitAsync(string caller, JsonObject request)
    {
        using var client = Caller(caller);
        using var response = await client.PostAsJsonAsync("/api/registry/subscriber-replays", request, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var id = (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["id"]!.GetValue<string>();
        return await Eventually.ValueAsync(
            async () =>
            {
                var progress = await client.GetFromJsonAsync<JsonObject>($"/api/registry/subscriber-replays/{id}");
                progress!["status"]!.GetValue<string>().ShouldNotBe("failed");
                return progress["status"]!.GetValue<string>() == "completed" ? progress : null;
            },
            "the replay to complete");
    }

    private HttpClient Caller(string name) => SubscriberQueue.Caller(_registry.CreateClient(), name);
}

/// <summary>
/// The Registry's replay sends at most SubscriberReplay:Batch messages per SubscriberReplay:Interval:
/// with a batch of 2 and an interval of an hour, the queue holds exactly 2 however long one waits.
/// </summary>
public sealed class SubscriberReplayRateTests : IAsyncLifetime
{
    private readonly IsolatedRegistryHost _registry = new("subrate", new DateTimeOffset(2026, 11, 22, 3, 0, 0, TimeSpan.Zero));

    public async ValueTask InitializeAsync()
    {
        _registry.With("SubscriberReplay:Batch", "2").With("SubscriberReplay:Interval", "01:00:00").With("SubscriberReplay:PollInterval", "00:00:00.100");
        await _registry.InitializeAsync();
    }

    public async ValueTask DisposeAsync() => await _registry.DisposeAsync();

    [Fact]
    public async Task A_replay_sends_no_more_than_its_batch_per_interval()
    {
        var writer = _registry.CreateClientAs("admin-provinsi");
        for (var i = 0; i < 3; i++)
        {
            await Api.RegisterAsync(writer, Api.Registration(rats: Api.Rat(2023, "2024-03-02")));
        }

        await using var mine = await SubscriberQueue.DeclareAsync(_registry.EntityPrefix, "registry", "bi");
        using var client = SubscriberQueue.Caller(_registry.CreateClient(), "bi");
        using var response = await client.PostAsJsonAsync("/api/registry/subscriber-replays", new JsonObject { ["queue"] = mine.Name }, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var id = (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["id"]!.GetValue<string>();

        await Eventually.UntilAsync(async () => (await mine.DrainAsync()).Count >= 2, "the first batch");
        // Many polls of the worker later, still the one batch.
        await Task.Delay(2000, TestContext.Current.CancellationToken);
        (await mine.DrainAsync()).Count.ShouldBe(2);
        var progress = await client.GetFromJsonAsync<JsonObject>($"/api/registry/subscriber-replays/{id}", TestContext.Current.CancellationToken);
        progress!["status"]!.GetValue<string>().ShouldBe("running");
        progress["published"]!.GetValue<long>().ShouldBe(2);
        progress["total"]!.GetValue<long>().ShouldBe(6);
        progress["position"]!.GetValue<long>().ShouldBeLessThan(progress["upToSequence"]!.GetValue<long>());
    }
}

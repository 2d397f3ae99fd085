using System.Security.Claims;
using JasperFx;
using Koperasi.ServiceDefaults.Decisions;
using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Persistence;
using Koperasi.ServiceDefaults.Streams;
using Koperasi.Testing;
using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace Koperasi.ServiceDefaults.Tests.Streams;

/// <summary>
/// Group commit on a hot stream (ADR 0030), against the real PostgreSQL: a hot tally (capacity 100)
/// that many requests add to at once, each also counting on a side tally of its own (as a decree
/// batch appends to its applications). The first request's reads are held until the others have
/// queued, so the others form one group.
/// </summary>
public sealed class GroupCommitTests : IAsyncLifetime
{
    private static readonly StreamStep<Tally> Serialized = new(
        "tally",
        Tally.Fold,
        (tally, version) => tally with { Version = version },
        unchangedSince: _ => 2);

    private readonly string _schema = $"{TestInfrastructure.RunId}_group_commit";
    private DocumentStore _store = null!;
    private readonly List<IDocumentSession> _sessions = [];
    private readonly EverySession _logger = new();

    /// <summary>Counts the round trips of every session of the store.</summary>
    private sealed class EverySession : IMartenLogger
    {
        public RoundTrips Trips { get; } = new();

        public IMartenSessionLogger StartSession(IQuerySession session) => Trips;

        public void SchemaChange(string sql)
        {
        }
    }

    public async ValueTask InitializeAsync()
    {
        _store = DocumentStore.For(options => MartenDefaults.ConfigureStore(options, TestInfrastructure.TestDatabase("registry"), _schema, o =>
        {
            o.AutoCreateSchemaObjects = AutoCreate.All;
            o.Events.MapEventType<TallyOpened>("tally-opened");
            o.Events.MapEventType<TallyAdded>("tally-added");
            o.Projections.Add(new TallyProjection(), JasperFx.Events.Projections.ProjectionLifecycle.Inline);
            o.Logger(_logger);
        }));
        await _store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
    }

    public async ValueTask DisposeAsync()
    {
        // The requests' sessions, as the requests' scopes would (a failed one still holds its transaction).
        foreach (var session in _sessions)
        {
            await session.DisposeAsync();
        }

        _store.Dispose();
        await using var connection = new NpgsqlConnection(TestInfrastructure.TestDatabase("registry"));
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop schema if exists \"{_schema}\" cascade", connection);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>One request: add to the hot tally, and 1 to its side tally at the version the group read.</summary>
    private sealed record Add(int Amount, Guid Side);

    private sealed class Sides
    {
        public required Dictionary<Guid, Tally> Tallies { get; init; }
    }

    /// <summary>The use case under test; <see cref="Hold"/> holds the first group's reads, <see cref="Meanwhile"/> runs under every lock, after the reads.</summary>
    private sealed class Adding : IGroupedStep<Tally, Add, Sides>
    {
        public TaskCompletionSource Hold { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Set when the first group is in its reads: a request sent after it waits for the next group.</summary>
        public TaskCompletionSource Reading { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Func<IReadOnlyList<Add>, Task>? Meanwhile { get; set; }

        public List<int> GroupSizes { get; } = [];

        public async Task<Sides> ReadAsync(IDocumentSession session, IReadOnlyList<Add> members, CancellationToken cancellationToken)
        {
            Reading.TrySetResult();
            await Hold.Task;
            lock (GroupSizes)
            {
                GroupSizes.Add(members.Count);
            }

            var tallies = await session.LoadManyAsync<Tally>(cancellationToken, [.. members.Select(m => m.Side)]);
            return new Sides { Tallies = tallies.ToDictionary(t => t.Id) };
        }

        public async Task ReadLockedAsync(IDocumentSession session, Guid id, Sides group, IReadOnlyList<Add> members, CancellationToken cancellationToken)
        {
            if (Meanwhile is { } meanwhile)
            {
                await meanwhile(members);
            }
        }

        public Decision Decide(Tally current, Add member, Sides group, IDocumentSession session)
        {
            var decision = current.Add(member.Amount);
            if (decision.Error is null)
            {
                var side = group.Tallies[member.Side];
                session.AppendAt(member.Side, side.Version, new TallyAdded(1));
                group.Tallies[member.Side] = side with { Version = side.Version + 1, Total = side.Total + 1 };
            }

            return decision;
        }
    }

    private sealed record Sent(Task<Results<Ok<Tally>, ValidationProblem, ProblemHttpResult>> Answer, DefaultHttpContext Http, Guid Side, string Actor)
    {
        /// <summary>The answer, once <see cref="AnsweredAsync"/> has awaited it.</summary>
        public IResult? Result { get; private set; }

        public async Task AnsweredAsync() => Result = (await Answer).Result;
    }

    private static Tally TallyOf(Sent sent) => sent.Result.ShouldBeOfType<Ok<Tally>>().Value!;

    private static ProblemHttpResult ProblemOf(Sent sent) => sent.Result.ShouldBeOfType<ProblemHttpResult>();

    private async Task<Guid> OpenAsync(int total = 10)
    {
        var id = Guid.CreateVersion7();
        await using var session = _store.LightweightSession();
        session.Events.StartStream<Tally>(id, new TallyOpened("1503"), new TallyAdded(total));
        await session.SaveChangesAsync();
        return id;
    }

    private static DefaultHttpContext Request(string ifMatch, CancellationToken aborted = default)
    {
        var http = new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity([new Claim("regency", "1503")], "test")) };
        http.Request.Headers.IfMatch = ifMatch;
        http.RequestAborted = aborted;
        return http;
    }

    private async Task<Sent> SendAsync(GroupCommit<Tally, Add, Sides> group, Guid id, int amount, int officer, string ifMatch = "\"2\"", CancellationToken aborted = default)
    {
        var side = await OpenAsync(0);
        var actor = $"officer-{officer}";
        var session = _store.OpenSessionAs(actor, "pembina");
        _sessions.Add(session);
        var http = Request(ifMatch, aborted);
        var answer = group.RunAsync(id, http, session, new Add(amount, side), outcome => TypedResults.Ok(outcome.After));
        return new Sent(answer, http, side, actor);
    }

    /// <summary>A first request held in its reads, then <paramref name="amounts"/> sent while it is held: they form the next group.</summary>
    private async Task<(Sent First, List<Sent> Group)> GroupAsync(
        GroupCommit<Tally, Add, Sides> group, Adding use, Guid id, IReadOnlyList<int> amounts, Func<int, string>? ifMatch = null, Action? released = null)
    {
        var first = await SendAsync(group, id, 10, 0);
        await use.Reading.Task;
        var others = new List<Sent>();
        for (var i = 0; i < amounts.Count; i++)
        {
            others.Add(await SendAsync(group, id, amounts[i], i + 1, ifMatch?.Invoke(i) ?? "\"2\""));
        }

        released?.Invoke();
        use.Hold.SetResult();
        await first.AnsweredAsync();
        await Task.WhenAll(others.Select(o => o.AnsweredAsync()));
        return (first, others);
    }

    private async Task<IReadOnlyList<JasperFx.Events.IEvent>> EventsAsync(Guid id)
    {
        await using var query = _store.QuerySession();
        return await query.Events.FetchStreamAsync(id);
    }

    [Fact]
    public async Task A_group_holds_the_capacity_exactly_and_each_answer_has_its_own_version_total_and_actor()
    {
        var use = new Adding();
        var group = new GroupCommit<Tally, Add, Sides>(Serialized, use);
        var id = await OpenAsync();

        var (first, others) = await GroupAsync(group, use, id, [.. Enumerable.Repeat(10, 12)]);

        use.GroupSizes.ShouldBe([1, 12]);
        first.Result.ShouldBeOfType<Ok<Tally>>().Value!.Total.ShouldBe(20);
        var accepted = others.Where(o => o.Result is Ok<Tally>).ToList();
        accepted.Count.ShouldBe(8, "10 + 10 held, then 8 of 10 reach the capacity of 100");
        for (var i = 0; i < accepted.Count; i++)
        {
            var tally = TallyOf(accepted[i]);
            (tally.Version, tally.Total).ShouldBe((4L + i, 30 + (10 * i)), "each answer is after its own events, in the group's order");
            accepted[i].Http.Response.Headers.ETag.ToString().ShouldBe($"\"{4 + i}\"");
        }

        others.Where(o => o.Result is not Ok<Tally>)
            .ShouldAllBe(o => ProblemOf(o).ProblemDetails.Type == Problems.TypePrefix + "tally-full");
        var events = await EventsAsync(id);
        (events.Count, events.Sum(e => e.Data is TallyAdded a ? a.Amount : 0)).ShouldBe((11, 100));
        events.Skip(3).Select(e => e.UserName).ShouldBe(accepted.Select(a => a.Actor));
        events.Skip(3).ShouldAllBe(e => EventHeaders.ActorRoleOf(e) == "pembina");
        foreach (var sent in others)
        {
            (await EventsAsync(sent.Side)).Count.ShouldBe(sent.Result is Ok<Tally> ? 3 : 2, "a refused member appends nothing");
        }

        group.FallBacks.ShouldBe(0);
        await Eventually.UntilAsync(() => Task.FromResult(group.Busy == 0), "the idle stream's line forgotten");
    }

    [Fact]
    public async Task A_group_takes_as_many_round_trips_for_twelve_members_as_for_three()
    {
        var trips = new List<int>();
        foreach (var size in new[] { 3, 12 })
        {
            var use = new Adding();
            var group = new GroupCommit<Tally, Add, Sides>(Serialized, use);
            var id = await OpenAsync();
            var before = 0;

            var (_, others) = await GroupAsync(group, use, id, [.. Enumerable.Repeat(5, size)], released: () => before = _logger.Trips.Count);

            others.ShouldAllBe(o => o.Result is Ok<Tally>);
            use.GroupSizes.ShouldBe([1, size]);
            trips.Add(_logger.Trips.Count - before);
        }

        // The first member alone, then the group: each reads its side tallies, locks, commits.
        trips[1].ShouldBe(trips[0], $"round trips: {string.Join(", ", trips)}");
        TestContext.Current.SendDiagnosticMessage($"A group of 1 then a group of 3 or 12: {trips[1]} round trips in all (8 when written: each group reads, locks, and commits in two).");
    }

    [Fact]
    public async Task A_refused_member_and_a_stale_If_Match_in_a_group_leave_the_others_committed()
    {
        var use = new Adding();
        var group = new GroupCommit<Tally, Add, Sides>(Serialized, use);
        var id = await OpenAsync();

        var (_, others) = await GroupAsync(group, use, id, [5, 0, 5, 5], ifMatch: i => i == 3 ? "\"1\"" : "\"2\"");

        TallyOf(others[0]).Version.ShouldBe(4);
        ProblemOf(others[1]).StatusCode.ShouldBe(StatusCodes.Status422UnprocessableEntity);
        TallyOf(others[2]).Version.ShouldBe(5);
        ProblemOf(others[3]).ProblemDetails.Type.ShouldBe(Problems.TypePrefix + "concurrency-conflict");
        (await EventsAsync(id)).Sum(e => e.Data is TallyAdded a ? a.Amount : 0).ShouldBe(30);
        (await EventsAsync(others[1].Side)).Count.ShouldBe(2);
        (await EventsAsync(others[3].Side)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task When_a_side_stream_changes_under_the_group_each_member_is_decided_alone_and_only_the_stale_one_answers_409()
    {
        var use = new Adding();
        var group = new GroupCommit<Tally, Add, Sides>(Serialized, use);
        var id = await OpenAsync();
        var first = await SendAsync(group, id, 10, 0);
        await use.Reading.Task;
        var others = new List<Sent>();
        for (var i = 0; i < 4; i++)
        {
            others.Add(await SendAsync(group, id, 5, i + 1));
        }

        // Another writer keeps changing the third member's side tally after each read of it: stale in the group, and again alone.
        use.Meanwhile = async members =>
        {
            if (members.Any(m => m.Side == others[2].Side))
            {
                await using var other = _store.LightweightSession();
                other.Events.Append(others[2].Side, new TallyAdded(1));
                await other.SaveChangesAsync();
            }
        };
        use.Hold.SetResult();
        await first.AnsweredAsync();
        await Task.WhenAll(others.Select(o => o.AnsweredAsync()));

        group.FallBacks.ShouldBe(1);
        use.GroupSizes.ShouldBe([1, 4, 1, 1, 1, 1], "the group of four failed, then each alone");
        others.Select(o => o.Result is Ok<Tally>).ShouldBe([true, true, false, true]);
        ProblemOf(others[2]).ProblemDetails.Type.ShouldBe(Problems.TypePrefix + "concurrency-conflict");
        others.Where(o => o.Result is Ok<Tally>).Select(o => TallyOf(o).Version).ShouldBe([4L, 5, 6]);
        (await EventsAsync(id)).Sum(e => e.Data is TallyAdded a ? a.Amount : 0).ShouldBe(35);
        (await EventsAsync(others[2].Side)).Select(e => e.UserName).ShouldNotContain("officer-3", "the other writer's events only");
    }

    [Fact]
    public async Task A_request_aborted_while_queued_is_left_out_and_the_group_commits_the_others()
    {
        var use = new Adding();
        var group = new GroupCommit<Tally, Add, Sides>(Serialized, use);
        var id = await OpenAsync();
        using var abort = new CancellationTokenSource();
        var first = await SendAsync(group, id, 10, 0);
        await use.Reading.Task;
        var kept = await SendAsync(group, id, 5, 1);
        var aborted = await SendAsync(group, id, 5, 2, aborted: abort.Token);
        var last = await SendAsync(group, id, 5, 3);

        await abort.CancelAsync();
        use.Hold.SetResult();
        await first.AnsweredAsync();

        await kept.AnsweredAsync();
        await last.AnsweredAsync();
        TallyOf(kept).Version.ShouldBe(4);
        await Should.ThrowAsync<OperationCanceledException>(aborted.Answer);
        TallyOf(last).Version.ShouldBe(5);
        (await EventsAsync(aborted.Side)).Count.ShouldBe(2);
        (await EventsAsync(id)).Sum(e => e.Data is TallyAdded a ? a.Amount : 0).ShouldBe(30);
    }

    [Fact]
    public async Task Two_replicas_grouping_their_own_requests_on_one_stream_hold_the_capacity_exactly()
    {
        var id = await OpenAsync();
        var replicas = new[] { new Adding(), new Adding() };
        var groups = replicas.Select(r => new GroupCommit<Tally, Add, Sides>(Serialized, r)).ToArray();
        foreach (var replica in replicas)
        {
            replica.Hold.SetResult();
        }

        var sent = new List<Sent>();
        for (var i = 0; i < 24; i++)
        {
            sent.Add(await SendAsync(groups[i % 2], id, 5, i));
        }

        await Task.WhenAll(sent.Select(s => s.AnsweredAsync()));

        var versions = sent.Where(s => s.Result is Ok<Tally>).Select(s => TallyOf(s).Version).Order().ToList();
        versions.ShouldBe([.. Enumerable.Range(3, 18).Select(v => (long)v)], "18 of 24 fit in 90: each version once");
        (await EventsAsync(id)).Sum(e => e.Data is TallyAdded a ? a.Amount : 0).ShouldBe(100);
    }
}

using System.Security.Claims;
using Koperasi.ServiceDefaults.Decisions;
using Koperasi.ServiceDefaults.Http;
using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.ServiceDefaults.Streams;

/// <summary>
/// What a use case gives <see cref="GroupCommit{T, TMember, TGroup}"/>: the reads a group shares,
/// before and under the stream's lock, and the decision of one member on the stream as the
/// members before it left it.
/// </summary>
/// <typeparam name="T">The aggregate of the hot stream.</typeparam>
/// <typeparam name="TMember">One request: its input, and where the use case keeps what its answer needs.</typeparam>
/// <typeparam name="TGroup">What the members of a group read together and what their decisions change in it.</typeparam>
public interface IGroupedStep<T, TMember, TGroup>
{
    /// <summary>Reads that do not depend on the aggregate, for every member at once (one query each), before the stream is locked.</summary>
    Task<TGroup> ReadAsync(IDocumentSession session, IReadOnlyList<TMember> members, CancellationToken cancellationToken);

    /// <summary>Reads that must see every commit before this group's, once per group, with the stream locked.</summary>
    Task ReadLockedAsync(IDocumentSession session, Guid id, TGroup group, IReadOnlyList<TMember> members, CancellationToken cancellationToken);

    /// <summary>
    /// One member's decision on <paramref name="current"/> (the aggregate as the members before it
    /// left it). Pure in the aggregate. When it accepts, it stages on <paramref name="session"/> the
    /// writes that commit with its events (another stream's events, at the version
    /// <paramref name="group"/> holds) and records their effect in <paramref name="group"/>, so the
    /// members after it decide on it; when it refuses, it stages and changes nothing.
    /// </summary>
    Decision Decide(T current, TMember member, TGroup group, IDocumentSession session);
}

/// <summary>
/// Group commit on a hot stream (ADR 0030), beside <see cref="StreamStep{T}"/> for a serialized
/// step (ADR 0029). Requests for the same stream that arrive while a group is being committed wait
/// and form the next group, as databases group-commit their log: a group reads what it needs
/// together, locks the stream's row (<c>FetchForExclusiveWriting</c>), decides each member one after
/// the other on the aggregate as the one before left it, and commits the accepted members in ONE
/// transaction. Each request gets its own answer: 201 with the version after its own events, or its
/// own refusal (403, 409, 422), a refused member staging nothing. When the group's commit fails (a
/// stream it appended to changed meanwhile), its members are decided again one by one, each read
/// again and committed alone, so only one still stale answers 409. Each replica groups its own requests;
/// the row lock orders the groups of all replicas. A request whose client went away before its
/// group formed is left out. Events are stamped with their own request's actor and trace.
/// </summary>
/// <typeparam name="T">The aggregate of the hot stream, projected inline.</typeparam>
/// <typeparam name="TMember">One request: its input, and what its answer needs.</typeparam>
/// <typeparam name="TGroup">What a group reads together.</typeparam>
public sealed class GroupCommit<T, TMember, TGroup>
    where T : class
{
    private readonly StreamStep<T> _step;
    private readonly IGroupedStep<T, TMember, TGroup> _use;
    private readonly int _maxGroup;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, Line> _lines = new();

    /// <param name="step">The serialized step on the stream: its 404 name, fold, version, authorization and If-Match rule.</param>
    /// <param name="use">The use case's reads and decision.</param>
    /// <param name="maxGroup">At most this many requests in one group (the rest form the next).</param>
    public GroupCommit(StreamStep<T> step, IGroupedStep<T, TMember, TGroup> use, int maxGroup = 64)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (!step.Serialized)
        {
            throw new ArgumentException("Only a step serialized on its stream (unchangedSince) can be grouped.", nameof(step));
        }

        (_step, _use, _maxGroup) = (step, use, maxGroup);
    }

    /// <summary>Groups that failed to commit and were decided again member by member, since the process started.</summary>
    public long FallBacks => Interlocked.Read(ref _fallBacks);

    private long _fallBacks;

    /// <summary>Streams with requests queued or a group being committed.</summary>
    internal int Busy => _lines.Count;

    /// <summary>
    /// Runs one request's step in the next group of the stream <paramref name="id"/> and answers it.
    /// </summary>
    /// <param name="id">The stream.</param>
    /// <param name="http">The request: its If-Match, user, abort; the answer's ETag goes on its response.</param>
    /// <param name="session">The request's session: its actor, role and trace stamp the member's events (a group commits in a session of its own).</param>
    /// <param name="member">The request's part.</param>
    /// <param name="respond">The answer from its own outcome; the ETag is already set.</param>
    /// <param name="validation">The request's validation, checked first.</param>
    /// <param name="refuse">The problem for its refused decision; <see cref="Problems.ToProblem(DomainError)"/> when null.</param>
    public async Task<Results<TResult, ValidationProblem, ProblemHttpResult>> RunAsync<TResult>(
        Guid id,
        HttpContext http,
        IDocumentSession session,
        TMember member,
        Func<StepOutcome<T>, TResult> respond,
        RequestValidation? validation = null,
        Func<DomainError, ProblemHttpResult>? refuse = null)
        where TResult : IResult
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(respond);
        var (expected, badIfMatch, refusedRequest) = StreamStep<T>.Precheck(http, validation);
        if (badIfMatch is not null)
        {
            return badIfMatch;
        }

        if (refusedRequest is not null)
        {
            return refusedRequest;
        }

        var waiting = new Waiting(member, expected, http.User, session, http.RequestAborted);
        var line = _lines.GetOrAdd(id, _ => new Line());
        bool start;
        lock (line.Gate)
        {
            line.Queue.Add(waiting);
            start = !line.Running;
            line.Running = true;
        }

        if (start)
        {
            // Not on the request: the group outlives any one request of it.
            _ = Task.Run(() => DrainAsync(id, line), CancellationToken.None);
        }

        var answer = await waiting.Answer.Task;
        if (answer.Problem is { } problem)
        {
            return problem;
        }

        if (answer.Refusal is { } refusal)
        {
            return refuse is null ? refusal.ToProblem() : refuse(refusal);
        }

        http.Response.SetETag(answer.Outcome!.Version);
        return respond(answer.Outcome);
    }

    private async Task DrainAsync(Guid id, Line line)
    {
        while (true)
        {
            List<Waiting> group;
            lock (line.Gate)
            {
                if (line.Queue.Count == 0)
                {
                    // Forgotten when idle (a programme's line lives while its batches come). A request that found
                    // this line just before starts it again; with another line for the same stream meanwhile, the
                    // two commit one after the other on the row lock, as two replicas do.
                    line.Running = false;
                    _lines.TryRemove(KeyValuePair.Create(id, line));
                    return;
                }

                group = line.Queue.Count <= _maxGroup ? [.. line.Queue] : line.Queue.GetRange(0, _maxGroup);
                line.Queue.RemoveRange(0, group.Count);
            }

            foreach (var gone in group.Where(w => w.Aborted.IsCancellationRequested))
            {
                gone.Answer.TrySetCanceled(gone.Aborted);
            }

            await CommitAsync(id, [.. group.Where(w => !w.Aborted.IsCancellationRequested)]);
        }
    }

    private async Task CommitAsync(Guid id, IReadOnlyList<Waiting> group)
    {
        if (group.Count == 1)
        {
            await CommitAloneAsync(id, group[0]);
            return;
        }

        try
        {
            await using var session = group[0].Session.DocumentStore.LightweightSession();
            await DecideAndCommitAsync(id, group, session);
        }
        catch (Exception failure) when (failure is JasperFx.ConcurrencyException or Marten.Exceptions.MartenCommandException)
        {
            // A stream the group appended to (an application) changed between the group's reads and its
            // commit: nothing of the group was committed. Each member again, alone, so only the stale one answers 409.
            Interlocked.Increment(ref _fallBacks);
            foreach (var waiting in group)
            {
                await CommitAloneAsync(id, waiting);
            }
        }
        catch (Exception failure)
        {
            // The database out of reach, or a bug: each request answers it as its own failure.
            foreach (var waiting in group)
            {
                waiting.Answer.TrySetException(failure);
            }
        }
    }

    /// <summary>One member as a serialized step (ADR 0029): a group of one.</summary>
    private async Task CommitAloneAsync(Guid id, Waiting waiting)
    {
        try
        {
            await using var session = waiting.Session.DocumentStore.LightweightSession();
            await DecideAndCommitAsync(id, [waiting], session);
        }
        catch (JasperFx.ConcurrencyException)
        {
            waiting.Answer.TrySetResult(new Answer(null, Problems.ConcurrencyConflict(waiting.Expected), null));
        }
        catch (Exception failure)
        {
            waiting.Answer.TrySetException(failure);
        }
    }

    /// <summary>
    /// Reads, locks, decides each member in turn, commits once; answers each member only after the
    /// commit. The session is the group's own, disposed right after: a group that appends nothing
    /// (every member refused) leaves its transaction, and the row lock, to the dispose.
    /// </summary>
    private async Task DecideAndCommitAsync(Guid id, IReadOnlyList<Waiting> group, IDocumentSession session)
    {
        var members = group.Select(w => w.Member).ToList();
        var shared = await _use.ReadAsync(session, members, CancellationToken.None);
        var stream = await session.Events.FetchForExclusiveWriting<T>(id, CancellationToken.None);
        if (stream.Aggregate is not { } current)
        {
            foreach (var waiting in group)
            {
                waiting.Answer.TrySetResult(new Answer(null, Problems.NotFound(_step.Resource, id), null));
            }

            return;
        }

        await _use.ReadLockedAsync(session, id, shared, members, CancellationToken.None);
        var version = stream.StartingVersion ?? 0;
        var answers = new Answer[group.Count];
        for (var i = 0; i < group.Count; i++)
        {
            var waiting = group[i];
            if (_step.Admit(waiting.User, current, version, waiting.Expected) is { } notAdmitted)
            {
                answers[i] = new Answer(null, notAdmitted, null);
                continue;
            }

            var decision = _use.Decide(current, waiting.Member, shared, session);
            if (decision.Error is { } error)
            {
                answers[i] = new Answer(null, null, error);
                continue;
            }

            stream.AppendMany(decision.Events);
            Stamp(session, waiting.Session);
            var next = version + decision.Events.Count;
            var after = _step.After(current, decision.Events, next);
            answers[i] = new Answer(new StepOutcome<T>(current, after, decision.Events, next), null, null);
            (current, version) = (after, next);
        }

        await session.SaveChangesAsync(CancellationToken.None);
        for (var i = 0; i < group.Count; i++)
        {
            group[i].Answer.TrySetResult(answers[i]);
        }
    }

    /// <summary>Stamps the events staged and not stamped yet (this member's) with the actor, role and trace of the request that decided them.</summary>
    private static void Stamp(IDocumentSession session, IDocumentSession request)
    {
        foreach (var e in session.PendingChanges.Streams().SelectMany(s => s.Events).Where(e => e.UserName is null))
        {
            e.UserName = request.LastModifiedBy;
            foreach (var header in new[] { Persistence.EventHeaders.ActorRole, Persistence.EventHeaders.TraceParent })
            {
                if (request.GetHeader(header) is { } value)
                {
                    e.SetHeader(header, value);
                }
            }
        }
    }

    private sealed record Answer(StepOutcome<T>? Outcome, ProblemHttpResult? Problem, DomainError? Refusal);

    private sealed record Waiting(TMember Member, long Expected, ClaimsPrincipal User, IDocumentSession Session, CancellationToken Aborted)
    {
        public TaskCompletionSource<Answer> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class Line
    {
        public Lock Gate { get; } = new();

        public List<Waiting> Queue { get; } = [];

        public bool Running { get; set; }
    }
}

using System.Security.Claims;
using Koperasi.ServiceDefaults.Decisions;
using Koperasi.ServiceDefaults.Http;
using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.ServiceDefaults.Streams;

/// <summary>What a step left behind: the state it was decided on, the state after it, its events and the new stream version.</summary>
/// <param name="Before">The aggregate as loaded: at the version the caller sent in If-Match (on a serialized step, at the current one).</param>
/// <param name="After">The aggregate with the step's events folded on, its version set to <paramref name="Version"/>.</param>
/// <param name="Events">The events appended (none when the step changed nothing).</param>
/// <param name="Version">The stream's version after the commit: the ETag of the answer.</param>
public sealed record StepOutcome<T>(T Before, T After, IReadOnlyList<object> Events, long Version);

/// <summary>
/// One step on an existing event stream, done the same way by every HTTP write of every service
/// (ADR 0013): the request's validation (400), If-Match read once (400 malformed, 428 missing),
/// the aggregate fetched for writing once (404 when there is no stream), the caller authorized on
/// it (403), the version compared with If-Match (409 when stale), the pure decision (409/422 when
/// refused), the events appended and committed (409 when another writer committed first), the
/// events folded onto the loaded state, and the new version as the answer's ETag. Nothing is read
/// again after the commit. One instance per aggregate type holds what does not change per step.
/// </summary>
/// <typeparam name="T">The aggregate, projected inline from its stream.</typeparam>
/// <param name="resource">What a 404 calls the aggregate ("koperasi", "application").</param>
/// <param name="fold">The aggregate's fold, the one its projection uses.</param>
/// <param name="withVersion">The aggregate with its version set (folding does not count events).</param>
/// <param name="authorize">
/// Whether the caller may act on this aggregate: a problem (403) or null. The endpoint's policy has
/// already admitted the caller's role; this is the check that needs the loaded aggregate (a regency).
/// </param>
/// <param name="unchangedSince">
/// Null for a step under ADR 0013's plain rule: If-Match must be the stream's current version.
/// Otherwise the step is serialized on the stream (ADR 0029): the stream is fetched for exclusive
/// writing (its row locked until the commit, so steps on it wait for each other instead of losing a
/// race), and an If-Match from this version on to the current one is accepted, since what came after
/// it are only steps of the same kind, whose effect the decision checks again on the locked state.
/// The function gives that version for the loaded aggregate, or null when it is not known (then only
/// the current version is accepted).
/// </param>
public sealed class StreamStep<T>(
    string resource,
    Func<T?, object, T?> fold,
    Func<T, long, T> withVersion,
    Func<ClaimsPrincipal, T, ProblemHttpResult?>? authorize = null,
    Func<T, long?>? unchangedSince = null)
    where T : class
{
    /// <summary>A step whose decision and answer need nothing but the aggregate: see the other overload.</summary>
    public Task<Results<TResult, ValidationProblem, ProblemHttpResult>> RunAsync<TResult>(
        Guid id,
        HttpContext http,
        IDocumentSession session,
        Func<T, Decision> decide,
        Func<StepOutcome<T>, TResult> respond,
        RequestValidation? validation = null)
        where TResult : IResult =>
        RunAsync(id, http, session, current => Task.FromResult(decide(current)), outcome => Task.FromResult(respond(outcome)), validation);

    /// <summary>
    /// Runs one step on the stream <paramref name="id"/>.
    /// </summary>
    /// <param name="id">The stream (and aggregate) id.</param>
    /// <param name="http">The request: its If-Match, its user, its cancellation; the answer's ETag goes on its response.</param>
    /// <param name="session">The session that loads, appends and commits, once.</param>
    /// <param name="decide">
    /// The decision on the loaded aggregate. Pure in the aggregate; it may read other documents and
    /// stage writes on <paramref name="session"/> that must commit with the events (another
    /// stream's events, a claim document), since nothing is committed when it refuses.
    /// </param>
    /// <param name="respond">The answer from the outcome; the ETag is already set.</param>
    /// <param name="validation">The request's validation, checked first (before If-Match and the load); null when the endpoint checked it.</param>
    /// <param name="refuse">The problem for a refused decision; <see cref="Problems.ToProblem(DomainError)"/> when null.</param>
    /// <param name="commitFailed">A problem for an exception of the commit other than a concurrency conflict (a unique claim taken meanwhile); null rethrows.</param>
    public async Task<Results<TResult, ValidationProblem, ProblemHttpResult>> RunAsync<TResult>(
        Guid id,
        HttpContext http,
        IDocumentSession session,
        Func<T, Task<Decision>> decide,
        Func<StepOutcome<T>, Task<TResult>> respond,
        RequestValidation? validation = null,
        Func<DomainError, ProblemHttpResult>? refuse = null,
        Func<Exception, ProblemHttpResult?>? commitFailed = null)
        where TResult : IResult
    {
        var cancellationToken = http.RequestAborted;
        var (expected, badIfMatch, refusedRequest) = Precheck(http, validation);
        if (badIfMatch is not null)
        {
            return badIfMatch;
        }

        if (refusedRequest is not null)
        {
            return refusedRequest;
        }

        try
        {
            // One read: the stream's version and its inline snapshot. Without an expected version
            // the fetch does not throw; the commit still checks that the stream is at the version read.
            // A serialized step locks the stream's row in the session's transaction until the commit.
            var stream = unchangedSince is null
                ? await session.Events.FetchForWriting<T>(id, cancellationToken)
                : await session.Events.FetchForExclusiveWriting<T>(id, cancellationToken);
            if (stream.Aggregate is not { } current)
            {
                return Problems.NotFound(resource, id);
            }

            var read = stream.StartingVersion ?? 0;
            if (Admit(http.User, current, read, expected) is { } notAdmitted)
            {
                return notAdmitted;
            }

            var decision = await decide(current);
            if (decision.Error is { } error)
            {
                return refuse is null ? error.ToProblem() : refuse(error);
            }

            stream.AppendMany(decision.Events);
            try
            {
                await session.SaveChangesAsync(cancellationToken);
            }
            catch (Exception failure) when (failure is not JasperFx.ConcurrencyException && commitFailed?.Invoke(failure) is { } failed)
            {
                return failed;
            }

            var version = read + decision.Events.Count;
            http.Response.SetETag(version);
            return await respond(new StepOutcome<T>(current, After(current, decision.Events, version), decision.Events, version));
        }
        catch (JasperFx.ConcurrencyException)
        {
            return Problems.ConcurrencyConflict(expected);
        }
    }

    /// <summary>What a 404 calls the aggregate.</summary>
    internal string Resource => resource;

    /// <summary>Whether the step is serialized on its stream (ADR 0029): only such a step can be grouped (<see cref="GroupCommit{T, TMember, TGroup}"/>).</summary>
    internal bool Serialized => unchangedSince is not null;

    /// <summary>ADR 0013's steps 1 and 2: the request's validation, then If-Match read once (400, 428). Nothing is read.</summary>
    internal static (long Expected, ValidationProblem? BadIfMatch, ProblemHttpResult? Refused) Precheck(HttpContext http, RequestValidation? validation)
    {
        if (validation is { IsValid: false })
        {
            return (0, null, validation.ToProblem());
        }

        var expectedVersion = http.Request.ReadIfMatch(out var badIfMatch);
        if (badIfMatch is ValidationProblem badHeader)
        {
            return (0, badHeader, null);
        }

        return expectedVersion is { } expected ? (expected, null, null) : (0, null, Problems.IfMatchRequired());
    }

    /// <summary>ADR 0013's steps 4 and 5 on the aggregate as read at <paramref name="read"/>: 403, 409 for a stale If-Match, or null.</summary>
    internal ProblemHttpResult? Admit(ClaimsPrincipal user, T current, long read, long expected)
    {
        if (authorize?.Invoke(user, current) is { } forbidden)
        {
            return forbidden;
        }

        return read == expected || (unchangedSince?.Invoke(current) is { } since && since <= expected && expected <= read)
            ? null
            : Problems.ConcurrencyConflict(expected);
    }

    /// <summary>The aggregate after <paramref name="events"/>, at <paramref name="version"/>.</summary>
    internal T After(T current, IReadOnlyList<object> events, long version) =>
        withVersion(events.Aggregate(current, (state, e) => fold(state, e)!), version);
}

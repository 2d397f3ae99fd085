using System.Globalization;
using System.Text.RegularExpressions;
using Koperasi.ServiceDefaults.Http;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Koperasi.ServiceDefaults.PersonalData;

/// <summary>
/// Operators' handle on the personal-data vault (decision 0009): the state of the master keys and
/// the re-wrap that finishes a rotation, and the breach report UU PDP asks for within 3×24 hours
/// (what the vault holds, who read whose data between two moments). None of them answers personal
/// data: pseudonyms, officers' user names, counts and key fingerprints only.
/// </summary>
public static partial class PersonalDataOperations
{
    /// <summary>The longest window a breach report covers; a longer period is asked window by window.</summary>
    public static readonly TimeSpan MaxReportWindow = TimeSpan.FromDays(366);

    /// <summary>Where the master keys stand.</summary>
    /// <param name="CurrentMasterKeyId">The key new data keys are wrapped under.</param>
    /// <param name="ConfiguredMasterKeyIds">Every master key this process holds (current and previous).</param>
    /// <param name="KeysByMasterKey">How many people's data keys each master key wraps.</param>
    public sealed record KeyStatus(string CurrentMasterKeyId, IReadOnlyCollection<string> ConfiguredMasterKeyIds, IReadOnlyDictionary<string, int> KeysByMasterKey);

    /// <summary>What a re-wrap did.</summary>
    /// <param name="Rewrapped">Data keys moved under the current master key by this call.</param>
    /// <param name="Keys">Where the master keys stand afterwards.</param>
    public sealed record Rewrap(int Rewrapped, KeyStatus Keys);

    /// <summary>The breach report of a window.</summary>
    /// <param name="From">Start of the window (inclusive).</param>
    /// <param name="To">End of the window (exclusive).</param>
    /// <param name="Holdings">What the vault holds now: the people a breach of the database would concern.</param>
    /// <param name="Keys">Which master keys are needed to read what is held.</param>
    /// <param name="Reads">Reads in clear in the window.</param>
    /// <param name="PeopleRead">Distinct people whose data was read in clear in the window.</param>
    /// <param name="Erasures">Erasures in the window.</param>
    /// <param name="Readers">Per user and role: reads and distinct people read.</param>
    /// <param name="Entries">Every read and erasure of the window, oldest first.</param>
    public sealed record BreachReport(
        DateTimeOffset From,
        DateTimeOffset To,
        PersonalDataInventory Holdings,
        KeyStatus Keys,
        int Reads,
        int PeopleRead,
        int Erasures,
        IReadOnlyList<Reader> Readers,
        IReadOnlyList<PersonalDataAccess> Entries);

    /// <summary>One user's reads in a window.</summary>
    public sealed record Reader(string Actor, string? Role, int Reads, int People);

    /// <summary>
    /// Maps, admitted by <paramref name="policy"/>: <c>GET {group}/ops/personal-data/keys</c>,
    /// <c>POST {group}/ops/personal-data/keys/rewrap</c> and
    /// <c>GET {group}/ops/personal-data/breach-report?from=&amp;to=</c>. Call
    /// <c>AddPersonalDataVault</c> on the builder.
    /// </summary>
    public static RouteGroupBuilder MapPersonalDataOperations(this RouteGroupBuilder group, string policy)
    {
        ArgumentNullException.ThrowIfNull(group);
        var ops = group.MapGroup("/ops/personal-data").WithTags("Operations").RequireAuthorization(policy);
        ops.MapGet("/keys", KeysAsync)
            .WithName("GetPersonalDataKeys")
            .WithSummary("Where the personal-data master keys stand")
            .WithDescription("The current master key's id, the ids this process holds, and how many people's data keys each master key wraps. After a rotation, the old id's count must reach 0 (rewrap) before the old key is removed.")
            .Produces<KeyStatus>();
        ops.MapPost("/keys/rewrap", RewrapAsync)
            .WithName("RewrapPersonalDataKeys")
            .WithSummary("Re-wrap every data key under the current master key")
            .WithDescription("The second step of a master-key rotation (decision 0009): every data key still wrapped under a previous master key is re-wrapped under the current one, in serializable batches; records are not touched. Idempotent. 409 master-key-missing when a data key is wrapped under a master key this process does not hold (nothing is changed).")
            .Produces<Rewrap>()
            .ProducesProblem(StatusCodes.Status409Conflict);
        ops.MapGet("/breach-report", BreachReportAsync)
            .WithName("GetPersonalDataBreachReport")
            .WithSummary("Breach report: what is held, who read whose data in a window")
            .WithDescription("For the UU PDP report within 3×24 hours: from (inclusive) and to (exclusive) are ISO 8601 date-times with an offset (2026-03-10T00:00:00+07:00 or ...Z), at most 366 days apart. Answers the vault's holdings, the master keys needed to read them, and every read in clear and erasure of the window (pseudonym, user, role, time, purpose), with totals per user.")
            .Produces<BreachReport>()
            .ProducesValidationProblem();
        return ops;
    }

    private static async Task<Ok<KeyStatus>> KeysAsync(PersonalDataKeyRotation rotation, CancellationToken cancellationToken) =>
        TypedResults.Ok(await StatusAsync(rotation, cancellationToken));

    private static async Task<Results<Ok<Rewrap>, ProblemHttpResult>> RewrapAsync(PersonalDataKeyRotation rotation, CancellationToken cancellationToken)
    {
        var before = await StatusAsync(rotation, cancellationToken);
        var missing = before.KeysByMasterKey.Keys.Except(before.ConfiguredMasterKeyIds).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            return TypedResults.Problem(
                detail: $"Data keys are wrapped under master key(s) {string.Join(", ", missing)}, which this process does not hold: put each in PersonalData:PreviousMasterKeys and restart, then re-wrap.",
                statusCode: StatusCodes.Status409Conflict,
                title: "Master key missing",
                type: Problems.TypePrefix + "master-key-missing",
                extensions: new Dictionary<string, object?> { ["rule"] = "master-key-missing", ["masterKeyIds"] = missing });
        }

        var rewrapped = await rotation.RewrapAsync(cancellationToken);
        return TypedResults.Ok(new Rewrap(rewrapped, await StatusAsync(rotation, cancellationToken)));
    }

    private static async Task<Results<Ok<BreachReport>, ValidationProblem>> BreachReportAsync(
        IQuerySession session, PersonalDataKeyRotation rotation, CancellationToken cancellationToken, [FromQuery] string? from = null, [FromQuery] string? to = null)
    {
        var v = new RequestValidation();
        var start = Moment(v, from, "from");
        var end = Moment(v, to, "to");
        if (start is { } s && end is { } e)
        {
            v.Check(s < e, "to", "The window ends after it starts.");
            v.Check(e - s <= MaxReportWindow, "to", $"A window of at most {MaxReportWindow.TotalDays:0} days; ask for a longer period window by window.");
        }

        if (!v.IsValid)
        {
            return v.ToValidationProblem();
        }

        var entries = await session.BetweenAsync(start!.Value, end!.Value, cancellationToken);
        var reads = entries.Where(a => a.Kind == PersonalDataAccessLog.Read).ToList();
        var readers = reads
            .GroupBy(a => (a.Actor, a.ActorRole))
            .Select(g => new Reader(g.Key.Actor, g.Key.ActorRole, g.Count(), g.Select(a => a.PersonId).Distinct().Count()))
            .OrderByDescending(r => r.Reads)
            .ThenBy(r => r.Actor, StringComparer.Ordinal)
            .ToList();
        return TypedResults.Ok(new BreachReport(
            start.Value,
            end.Value,
            await session.InventoryAsync(cancellationToken),
            await StatusAsync(rotation, cancellationToken),
            reads.Count,
            reads.Select(a => a.PersonId).Distinct().Count(),
            entries.Count(a => a.Kind == PersonalDataAccessLog.Erasure),
            readers,
            entries));
    }

    private static async Task<KeyStatus> StatusAsync(PersonalDataKeyRotation rotation, CancellationToken cancellationToken) =>
        new(rotation.CurrentMasterKeyId, [.. rotation.ConfiguredMasterKeyIds.Order(StringComparer.Ordinal)], await rotation.CountByMasterKeyAsync(cancellationToken));

    /// <summary>A date-time with an explicit offset: without one, "00:00" would mean WIB to one reader and UTC to another.</summary>
    private static DateTimeOffset? Moment(RequestValidation v, string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            v.Add(field, "Required: an ISO 8601 date-time with an offset, e.g. 2026-03-10T00:00:00+07:00.");
            return null;
        }

        if (!WithOffset().IsMatch(value.Trim())
            || !DateTimeOffset.TryParse(value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment))
        {
            v.Add(field, "Not an ISO 8601 date-time with an offset, e.g. 2026-03-10T00:00:00+07:00 or 2026-03-09T17:00:00Z.");
            return null;
        }

        return moment;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex WithOffset();
}

using Koperasi.Registry.Cooperatives;
using Koperasi.ServiceDefaults.Time;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Registry.Supervision;

/// <summary>"My koperasi": the koperasi the calling pembina supervises today, with activity, last RAT and open follow-ups.</summary>
public static class MyKoperasiEndpoint
{
    public sealed record OpenFollowUp(Guid RecordId, int Number, string Action, DateOnly DueOn, bool Overdue);

    public sealed record Row(
        Guid CooperativeId,
        string Name,
        string RegencyCode,
        IReadOnlyList<PembinaLevel> Levels,
        ActivityStatus Activity,
        int? LastRatYear,
        DateOnly? LastRatHeldOn,
        IReadOnlyList<OpenFollowUp> OpenFollowUps);

    public sealed record Response(string PembinaUserId, DateOnly Today, IReadOnlyList<Row> Koperasi);

    public static void Map(RouteGroupBuilder supervision) =>
        supervision.MapGet("/my-koperasi", Handle)
            .WithName("GetMyKoperasi")
            .RequireAuthorization(RegistryPolicies.History)
            .WithSummary("My koperasi")
            .WithDescription("The koperasi the caller (a pembina, by its user id) is assigned to today at any level: activity, last RAT and the follow-ups not yet completed, those with the most overdue follow-ups first.")
            .Produces<Response>();

    private static async Task<Ok<Response>> Handle(IDocumentSession session, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var user = SupervisionSteps.UserOf(http) ?? "";
        var supervised = await SupervisionReads.SupervisionAsync(session, null, user, today, cancellationToken);
        var cooperatives = supervised.Count == 0
            ? []
            : (await session.LoadManyAsync<Cooperative>(cancellationToken, supervised.Select(s => s.CooperativeId))).ToDictionary(c => c.Id);
        var rows = supervised
            .Where(s => cooperatives.ContainsKey(s.CooperativeId))
            .Select(s =>
            {
                var koperasi = cooperatives[s.CooperativeId];
                var lastRat = koperasi.Rats.MaxBy(r => r.FinancialYear);
                return new Row(
                    s.CooperativeId,
                    koperasi.Name,
                    s.RegencyCode,
                    [.. s.Assignments.Where(a => a.HoldsOn(today) && a.PembinaUserId == user).Select(a => a.Level)],
                    koperasi.Activity,
                    lastRat?.FinancialYear,
                    lastRat?.HeldOn,
                    [
                        .. s.Records.SelectMany(r => r.FollowUps.Where(f => f.CompletedOn is null).Select(f => new OpenFollowUp(r.RecordId, f.Number, f.Action, f.DueOn, f.IsOverdueOn(today))))
                            .OrderBy(f => f.DueOn),
                    ]);
            })
            .OrderByDescending(r => r.OpenFollowUps.Count(f => f.Overdue))
            .ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
        return TypedResults.Ok(new Response(user, today, rows));
    }
}

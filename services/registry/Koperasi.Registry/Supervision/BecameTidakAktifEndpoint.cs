using Koperasi.Registry.Activity;
using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Time;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Koperasi.Registry.Supervision;

/// <summary>The koperasi that became tidak aktif in a period, with the years they had missed.</summary>
public static class BecameTidakAktifEndpoint
{
    public sealed record Response(DateOnly From, DateOnly To, string? Regency, string? PembinaUserId, IReadOnlyList<BecameInactiveCooperative> Koperasi);

    public static void Map(RouteGroupBuilder supervision) =>
        supervision.MapGet("/became-tidak-aktif", Handle)
            .WithName("ListBecameTidakAktif")
            .RequireAuthorization(RegistryPolicies.History)
            .WithSummary("Koperasi that became tidak aktif in a period")
            .WithDescription("The koperasi whose activity turned tidak aktif by the rule between from and to (both included, default the last 365 days up to today), counting what happened by today, with the years missed then; narrowed to a regency and/or the koperasi a pembina supervises today.")
            .Produces<Response>()
            .ProducesValidationProblem();

    private static async Task<Results<Ok<Response>, ValidationProblem>> Handle(
        IDocumentSession session, TimeProvider clock, IOptions<ActivityPolicy> policy, CancellationToken cancellationToken,
        string? regency = null, string? pembinaUserId = null, DateOnly? from = null, DateOnly? to = null)
    {
        var today = clock.Today();
        var v = new RequestValidation();
        var (code, pembina) = SupervisionReads.Filters(v, regency, pembinaUserId);
        v.OptionalDate(from, "from", FieldRules.EarliestCooperativeDate);
        v.OptionalDate(to, "to", FieldRules.EarliestCooperativeDate);
        var until = to ?? today;
        var since = from ?? until.AddDays(-364);
        v.DateRange(since, until, "to");
        if (!v.IsValid)
        {
            return v.ToValidationProblem();
        }

        var koperasi = await SupervisionReads.CooperativesAsync(session, code, pembina, today, cancellationToken);
        return TypedResults.Ok(new Response(since, until, code, pembina, EarlyWarning.BecameInactive(koperasi, since, until, today, policy.Value)));
    }
}

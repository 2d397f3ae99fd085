using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Time;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Registry.Supervision;

/// <summary>The follow-ups overdue on a day, per regency and per pembina.</summary>
public static class OverdueFollowUpsEndpoint
{
    public sealed record Response(DateOnly On, string? Regency, string? PembinaUserId, IReadOnlyList<OverdueFollowUp> FollowUps);

    public static void Map(RouteGroupBuilder supervision) =>
        supervision.MapGet("/overdue-follow-ups", Handle)
            .WithName("ListOverdueFollowUps")
            .RequireAuthorization(RegistryPolicies.History)
            .WithSummary("Overdue follow-ups")
            .WithDescription("The follow-ups due before on (default today) and not completed by then, of the koperasi that existed then; narrowed to a regency (BPS code) and/or to the koperasi a pembina (pembinaUserId) supervised that day; most overdue first.")
            .Produces<Response>()
            .ProducesValidationProblem();

    private static async Task<Results<Ok<Response>, ValidationProblem>> Handle(
        IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken, string? regency = null, string? pembinaUserId = null, DateOnly? on = null)
    {
        var v = new RequestValidation();
        var (code, pembina) = SupervisionReads.Filters(v, regency, pembinaUserId);
        v.OptionalDate(on, "on", FieldRules.EarliestCooperativeDate);
        if (!v.IsValid)
        {
            return v.ToValidationProblem();
        }

        var day = on ?? clock.Today();
        var supervised = await SupervisionReads.SupervisionAsync(session, code, pembina, day, cancellationToken);
        return TypedResults.Ok(new Response(day, code, pembina, SupervisionQueries.Overdue(supervised, day)));
    }
}

using Koperasi.Registry.Activity;
using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Time;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Koperasi.Registry.Supervision;

/// <summary>The early warning: the koperasi that become tidak aktif at the next RAT deadline unless they hold their RAT.</summary>
public static class EarlyWarningEndpoint
{
    public sealed record Response(DateOnly Today, string? Regency, string? PembinaUserId, IReadOnlyList<AtRiskCooperative> Koperasi);

    public static void Map(RouteGroupBuilder supervision) =>
        supervision.MapGet("/early-warning", Handle)
            .WithName("GetEarlyWarning")
            .RequireAuthorization(RegistryPolicies.History)
            .WithSummary("Early warning: koperasi at risk of becoming tidak aktif")
            .WithDescription("The existing koperasi, aktif today, that the activity rule makes tidak aktif at the next RAT deadline (becomesTidakAktifOn) unless they hold the RAT of dueYear, with the years already missed and the last RAT year; narrowed to a regency and/or the koperasi a pembina supervises today. Computed from the recorded RATs and today's date.")
            .Produces<Response>()
            .ProducesValidationProblem();

    private static async Task<Results<Ok<Response>, ValidationProblem>> Handle(
        IDocumentSession session, TimeProvider clock, IOptions<ActivityPolicy> policy, CancellationToken cancellationToken, string? regency = null, string? pembinaUserId = null)
    {
        var v = new RequestValidation();
        var (code, pembina) = SupervisionReads.Filters(v, regency, pembinaUserId);
        if (!v.IsValid)
        {
            return v.ToValidationProblem();
        }

        var today = clock.Today();
        var koperasi = await SupervisionReads.CooperativesAsync(session, code, pembina, today, cancellationToken);
        return TypedResults.Ok(new Response(today, code, pembina, EarlyWarning.AtRisk(koperasi, today, policy.Value)));
    }
}

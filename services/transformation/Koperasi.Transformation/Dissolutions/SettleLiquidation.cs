using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Time;
using Koperasi.Transformation.Cases;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Koperasi.Transformation.Dissolutions;

/// <summary>Record the liquidation's settlement.</summary>
public static class SettleLiquidation
{
    public sealed record Request
    {
        public required DateOnly SettledOn { get; init; }
    }

    public static void Map(RouteGroupBuilder cases) =>
        cases.MapPost("/{id:guid}/settlement", Handle)
            .WithName("SettleLiquidation")
            .WithSummary("Record the liquidation's settlement")
            .WithDescription("Every creditor notified and the claims period over. Needs If-Match.")
            .AsDissolutionStep();

    private static Task<Results<Ok<DissolutionCase>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, IDocumentSession session, HttpContext http, TimeProvider clock, IOptions<DissolutionOptions> options, IOptions<MeetingPolicy> policy)
    {
        var v = new RequestValidation();
        v.Date(request.SettledOn, "settledOn", FieldRules.EarliestCooperativeDate);
        var today = clock.Today();
        return DissolutionSteps.ApplyAsync(id, http, session, v, current => current.Settle(request.SettledOn, today, options.Value));
    }
}

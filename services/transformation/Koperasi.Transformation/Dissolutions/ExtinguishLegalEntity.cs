using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Time;
using Koperasi.Transformation.Cases;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Koperasi.Transformation.Dissolutions;

/// <summary>Record the legal entity extinguished.</summary>
public static class ExtinguishLegalEntity
{
    public sealed record Request
    {
        public required DateOnly EffectiveOn { get; init; }
    }

    public static void Map(RouteGroupBuilder cases) =>
        cases.MapPost("/{id:guid}/extinction", Handle)
            .WithName("ExtinguishLegalEntity")
            .WithSummary("Record the legal entity extinguished")
            .WithDescription("After the settlement: the koperasi is dissolved in the register from effectiveOn. Needs If-Match.")
            .AsDissolutionStep();

    private static Task<Results<Ok<DissolutionCase>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, IDocumentSession session, HttpContext http, TimeProvider clock, IOptions<DissolutionOptions> options, IOptions<MeetingPolicy> policy)
    {
        var v = new RequestValidation();
        v.Date(request.EffectiveOn, "effectiveOn", FieldRules.EarliestCooperativeDate);
        var today = clock.Today();
        return DissolutionSteps.ApplyAsync(id, http, session, v, current => current.Extinguish(request.EffectiveOn, today));
    }
}

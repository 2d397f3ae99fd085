using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Time;
using Koperasi.Transformation.Cases;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Koperasi.Transformation.Dissolutions;

/// <summary>Record the decision on the objection.</summary>
public static class DecideObjection
{
    public sealed record Request
    {
        public required DateOnly DecidedOn { get; init; }
        public required bool Upheld { get; init; }
    }

    public static void Map(RouteGroupBuilder cases) =>
        cases.MapPost("/{id:guid}/objection-decision", Handle)
            .WithName("DecideObjection")
            .WithSummary("Record the decision on the objection")
            .WithDescription("Government path: upheld rejects the case; dismissed lets the ministry decide. Needs If-Match.")
            .AsDissolutionStep();

    private static Task<Results<Ok<DissolutionCase>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, IDocumentSession session, HttpContext http, TimeProvider clock, IOptions<DissolutionOptions> options, IOptions<MeetingPolicy> policy)
    {
        var v = new RequestValidation();
        v.Date(request.DecidedOn, "decidedOn", FieldRules.EarliestCooperativeDate);
        var today = clock.Today();
        return DissolutionSteps.ApplyAsync(id, http, session, v, current => current.DecideObjection(request.DecidedOn, request.Upheld, today));
    }
}

using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Time;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Transformation.Cases;

/// <summary>Record the ministry's ratification (pengesahan): the last step; the case is then approved.</summary>
public static class RecordRatification
{
    public sealed record Request
    {
        public required string DecreeNumber { get; init; }
        public required DateOnly DecreeDate { get; init; }
    }

    public static void Map(RouteGroupBuilder cases) =>
        cases.MapPost("/{id:guid}/ratification", Handle)
            .WithName("RecordRatification")
            .WithSummary("Record the ministry's ratification")
            .WithDescription("Where the case needs one (merger, amalgamation, a change of name, domicile, type, form or business field), after the deed; the decree is dated on or after the deed and not after today. The case is then approved and published for the register to apply. Needs If-Match.")
            .AsCaseStep()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static Task<Results<Ok<CaseResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, IDocumentSession session, TimeProvider clock, HttpContext http)
    {
        var v = new RequestValidation();
        v.Code(request.DecreeNumber, "decreeNumber", 100);
        v.Date(request.DecreeDate, "decreeDate", FieldRules.EarliestCooperativeDate);
        var ratification = new Ratification(request.DecreeNumber?.Trim() ?? "", request.DecreeDate);
        return CaseSteps.ApplyAsync(id, http, session, v, current => current.RecordRatification(ratification, clock.Today()));
    }
}

using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Time;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Transformation.Cases;

/// <summary>Record the notarial deed of the transformation.</summary>
public static class RecordDeed
{
    public sealed record Request
    {
        public required string Number { get; init; }
        public required DateOnly Date { get; init; }
        public required string Notary { get; init; }
    }

    public static void Map(RouteGroupBuilder cases) =>
        cases.MapPost("/{id:guid}/deed", Handle)
            .WithName("RecordNotarialDeed")
            .WithSummary("Record the notarial deed")
            .WithDescription("After every members' meeting approved; dated on or after the last meeting and not after today. A change of other articles only is approved with its deed. Needs If-Match.")
            .AsCaseStep()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static Task<Results<Ok<CaseResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, IDocumentSession session, TimeProvider clock, HttpContext http)
    {
        var v = new RequestValidation();
        v.Code(request.Number, "number", 100);
        v.Name(request.Notary, "notary", 200);
        v.Date(request.Date, "date", FieldRules.EarliestCooperativeDate);
        var deed = new NotarialDeed(request.Number?.Trim() ?? "", request.Date, request.Notary?.Trim() ?? "");
        return CaseSteps.ApplyAsync(id, http, session, v, current => current.RecordDeed(deed, clock.Today()));
    }
}

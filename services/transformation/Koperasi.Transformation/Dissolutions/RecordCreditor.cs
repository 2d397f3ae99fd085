using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Time;
using Koperasi.Transformation.Cases;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Koperasi.Transformation.Dissolutions;

/// <summary>Record a creditor.</summary>
public static class RecordCreditor
{
    public sealed record Request
    {
        public required string Name { get; init; }
        public required DateOnly RecordedOn { get; init; }
    }

    public static void Map(RouteGroupBuilder cases) =>
        cases.MapPost("/{id:guid}/creditors", Handle)
            .WithName("RecordCreditor")
            .WithSummary("Record a creditor")
            .WithDescription("In liquidation: a creditor's name and the day it was recorded; the answer's creditors give its id. Needs If-Match.")
            .AsDissolutionStep();

    private static Task<Results<Ok<DissolutionCase>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, IDocumentSession session, HttpContext http, TimeProvider clock, IOptions<DissolutionOptions> options, IOptions<MeetingPolicy> policy)
    {
        var v = new RequestValidation();
        v.Name(request.Name, "name", 200);
        v.Date(request.RecordedOn, "recordedOn", FieldRules.EarliestCooperativeDate);
        var today = clock.Today();
        return DissolutionSteps.ApplyAsync(id, http, session, v, current => current.RecordCreditor(Guid.CreateVersion7(), request.Name.Trim(), request.RecordedOn, today));
    }
}

using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Time;
using Koperasi.Transformation.Cases;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Koperasi.Transformation.Dissolutions;

/// <summary>Record the ministry's notice.</summary>
public static class RecordMinistryNotice
{
    public sealed record Request
    {
        public required string Number { get; init; }
        public required DateOnly Date { get; init; }
    }

    public static void Map(RouteGroupBuilder cases) =>
        cases.MapPost("/{id:guid}/ministry-notice", Handle)
            .WithName("RecordMinistryNotice")
            .WithSummary("Record the ministry's notice")
            .WithDescription("Government path, after the batch was sent: the notice's number and date; the objection period runs from it. Needs If-Match.")
            .AsDissolutionStep();

    private static Task<Results<Ok<DissolutionCase>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, IDocumentSession session, HttpContext http, TimeProvider clock, IOptions<DissolutionOptions> options, IOptions<MeetingPolicy> policy)
    {
        var v = new RequestValidation();
        v.Code(request.Number, "number", 100);
        v.Date(request.Date, "date", FieldRules.EarliestCooperativeDate);
        var today = clock.Today();
        return DissolutionSteps.ApplyAsync(id, http, session, v, current => current.RecordNotice(new MinistryNotice(request.Number.Trim(), request.Date), today));
    }
}

using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Time;
using Koperasi.Transformation.Cases;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Koperasi.Transformation.Dissolutions;

/// <summary>Record the koperasi's objection.</summary>
public static class FileObjection
{
    public sealed record Request
    {
        public required DateOnly FiledOn { get; init; }
        public required string Summary { get; init; }
    }

    public static void Map(RouteGroupBuilder cases) =>
        cases.MapPost("/{id:guid}/objection", Handle)
            .WithName("FileObjection")
            .WithSummary("Record the koperasi's objection")
            .WithDescription("Government path: within 2 months of the notice, with a summary. Needs If-Match.")
            .AsDissolutionStep();

    private static Task<Results<Ok<DissolutionCase>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, IDocumentSession session, HttpContext http, TimeProvider clock, IOptions<DissolutionOptions> options, IOptions<MeetingPolicy> policy)
    {
        var v = new RequestValidation();
        v.Date(request.FiledOn, "filedOn", FieldRules.EarliestCooperativeDate);
        v.FreeText(request.Summary, "summary", 2000);
        var today = clock.Today();
        return DissolutionSteps.ApplyAsync(id, http, session, v, current => current.FileObjection(request.FiledOn, request.Summary.Trim(), today, options.Value));
    }
}

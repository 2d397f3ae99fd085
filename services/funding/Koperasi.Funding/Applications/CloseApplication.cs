using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Time;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Funding.Applications;

/// <summary>Close a monitored grant's file.</summary>
public static class CloseApplication
{
    public sealed record Request(string? Notes = null);

    public static void Map(RouteGroupBuilder applications) =>
        applications.MapPost("/{id:guid}/closure", Handle)
            .AsStep("CloseApplication", FundingPolicies.Decide, "Close the application", "Ends the follow-up of a grant monitored at least once.");

    private static async Task<Results<Ok<ApplicationResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, HttpContext http, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        var v = new RequestValidation();
        v.FreeText(request.Notes, "notes", 2000, required: false);
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        return await ApplicationSteps.RunAsync(id, http, session,
            application => ApplicationSteps.Plain(application.Close(FieldRules.Present(request.Notes), clock.Today())), cancellationToken);
    }
}

using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Time;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Funding.Applications;

/// <summary>A verifikator checks the documents of a submitted application.</summary>
public static class CheckDocuments
{
    public sealed record Request(bool Complete, IReadOnlyList<string>? Missing = null, string? Notes = null);

    public static void Map(RouteGroupBuilder applications) =>
        applications.MapPost("/{id:guid}/documents-check", Handle)
            .AsStep("CheckDocuments", FundingPolicies.Decide, "Check the documents",
                "complete: true moves a submitted application on to field verification; false records what is missing (missing names each document) and leaves it submitted.");

    private static async Task<Results<Ok<ApplicationResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, HttpContext http, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        var v = new RequestValidation();
        v.Check((request.Missing?.Count ?? 0) <= 50, "missing", "At most 50 documents.");
        for (var i = 0; i < Math.Min(request.Missing?.Count ?? 0, 50); i++)
        {
            v.FreeText(request.Missing![i], $"missing[{i}]", 200);
        }

        v.FreeText(request.Notes, "notes", 2000, required: false);
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var missing = (request.Missing ?? []).Select(FieldRules.Tidy).ToList();
        return await ApplicationSteps.RunAsync(id, http, session,
            application => ApplicationSteps.Plain(application.CheckDocuments(request.Complete, missing, FieldRules.Present(request.Notes), clock.Today())), cancellationToken);
    }
}

using Koperasi.ServiceDefaults.Http;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Transformation.Cases;

/// <summary>Withdraw a case before it is approved; its participants are free again.</summary>
public static class Withdraw
{
    public sealed record Request
    {
        public required string Reason { get; init; }
    }

    public static void Map(RouteGroupBuilder cases) =>
        cases.MapPost("/{id:guid}/withdrawal", Handle)
            .WithName("WithdrawCase")
            .WithSummary("Withdraw a case")
            .WithDescription("Any time before approval, with a reason. An approved or closed case answers 409. Needs If-Match.")
            .AsCaseStep();

    private static Task<Results<Ok<CaseResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, IDocumentSession session, HttpContext http)
    {
        var v = new RequestValidation();
        v.FreeText(request.Reason, "reason", 1000);
        return CaseSteps.ApplyAsync(id, http, session, v, current => current.Withdraw(request.Reason.Trim()));
    }
}

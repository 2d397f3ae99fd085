using Koperasi.ServiceDefaults.Decisions;
using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Identity;
using Koperasi.ServiceDefaults.Streams;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Transformation.Cases;

/// <summary>A step of an open case: the platform's <see cref="StreamStep{T}"/> on the case's stream, answered with the case.</summary>
public static class CaseSteps
{
    /// <summary>The case's stream step: a pembina acts only on a case all of whose regencies are its own.</summary>
    public static StreamStep<TransformationCase> Step { get; } = new(
        "case",
        TransformationCase.Fold,
        (current, version) => current with { Version = version },
        (user, current) => current.RegencyCodes.FirstOrDefault(r => !user.MayActOnRegency(r)) is { } outside
            ? OutsideRegency.Problem(outside, "id")
            : null);

    /// <summary>What every step endpoint requires and may answer: the write policy, the case, and the problems of <see cref="ApplyAsync(Guid, HttpContext, IDocumentSession, RequestValidation, Func{TransformationCase, Decision})"/>.</summary>
    public static RouteHandlerBuilder AsCaseStep(this RouteHandlerBuilder endpoint) =>
        endpoint
            .RequireAuthorization(TransformationPolicies.Write)
            .Produces<CaseResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

    /// <summary>
    /// Applies one step to a case. The change needs If-Match with the version read (428 without it,
    /// 409 when someone changed the case since).
    /// </summary>
    public static Task<Results<Ok<CaseResponse>, ValidationProblem, ProblemHttpResult>> ApplyAsync(
        Guid id, HttpContext http, IDocumentSession session, RequestValidation validation, Func<TransformationCase, Decision> decide) =>
        Step.RunAsync(id, http, session, decide, Answer, validation);

    /// <summary>A step whose decision reads something besides the case.</summary>
    public static Task<Results<Ok<CaseResponse>, ValidationProblem, ProblemHttpResult>> ApplyAsync(
        Guid id, HttpContext http, IDocumentSession session, RequestValidation validation, Func<TransformationCase, Task<Decision>> decide) =>
        Step.RunAsync(id, http, session, decide, outcome => Task.FromResult(Answer(outcome)), validation);

    private static Ok<CaseResponse> Answer(StepOutcome<TransformationCase> outcome) => TypedResults.Ok(CaseResponse.From(outcome.After));
}

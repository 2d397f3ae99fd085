using Koperasi.ServiceDefaults.Decisions;
using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Identity;
using Koperasi.ServiceDefaults.Streams;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Transformation.Dissolutions;

/// <summary>A step of an open dissolution case: the platform's <see cref="StreamStep{T}"/> on the case's stream, answered with the case.</summary>
public static class DissolutionSteps
{
    /// <summary>The case's stream step: a pembina acts only on a case of its own regency.</summary>
    public static StreamStep<DissolutionCase> Step { get; } = new(
        "dissolution case",
        DissolutionCase.Fold,
        (current, version) => current with { Version = version },
        (user, current) => user.MayActOnRegency(current.RegencyCode) ? null : OutsideRegency.Problem(current.RegencyCode, "id"));

    /// <summary>What every step endpoint requires and may answer.</summary>
    public static RouteHandlerBuilder AsDissolutionStep(this RouteHandlerBuilder endpoint) =>
        endpoint
            .RequireAuthorization(TransformationPolicies.Write)
            .Produces<DissolutionCase>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

    /// <summary>Applies one step to a case; needs If-Match with the version read.</summary>
    public static Task<Results<Ok<DissolutionCase>, ValidationProblem, ProblemHttpResult>> ApplyAsync(
        Guid id, HttpContext http, IDocumentSession session, RequestValidation validation, Func<DissolutionCase, Decision> decide) =>
        Step.RunAsync(id, http, session, decide, outcome => TypedResults.Ok(outcome.After), validation);
}

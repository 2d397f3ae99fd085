using System.Security.Claims;
using Koperasi.ServiceDefaults.Decisions;
using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Identity;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Transformation.Cases;

/// <summary>What every step of an open case does: If-Match, validation, load, authorize, decide, append, commit.</summary>
public static class CaseSteps
{
    /// <summary>What every step endpoint requires and may answer: the write policy, the case, and the problems of <see cref="ApplyAsync"/>.</summary>
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
    /// 409 when someone changed the case since); a pembina acts only on a case all of whose regencies
    /// are its own.
    /// </summary>
    public static async Task<Results<Ok<CaseResponse>, ValidationProblem, ProblemHttpResult>> ApplyAsync(
        Guid id,
        HttpRequest request,
        HttpResponse response,
        ClaimsPrincipal user,
        IDocumentSession session,
        RequestValidation validation,
        Func<TransformationCase, Decision> decide,
        CancellationToken cancellationToken)
    {
        var expectedVersion = request.ReadIfMatch(out var badIfMatch);
        if (badIfMatch is ValidationProblem badHeader)
        {
            return badHeader;
        }

        if (expectedVersion is not { } expected)
        {
            return Problems.IfMatchRequired();
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        if (await session.LoadAsync<TransformationCase>(id, cancellationToken) is not { } current)
        {
            return Problems.NotFound("case", id);
        }

        if (current.RegencyCodes.FirstOrDefault(r => !user.MayActOnRegency(r)) is { } outside)
        {
            return OutsideRegency.Problem(outside, "id");
        }

        try
        {
            var stream = await session.Events.FetchForWriting<TransformationCase>(id, expected, cancellationToken);
            var decision = decide(stream.Aggregate!);
            if (decision.Error is { } error)
            {
                return error.ToProblem();
            }

            stream.AppendMany(decision.Events);
            await session.SaveChangesAsync(cancellationToken);
            var after = decision.Events.Aggregate(stream.Aggregate!, (state, e) => TransformationCase.Fold(state, e)!) with
            {
                Version = expected + decision.Events.Count,
            };
            response.SetETag(after.Version);
            return TypedResults.Ok(CaseResponse.From(after));
        }
        catch (JasperFx.ConcurrencyException)
        {
            return Problems.ConcurrencyConflict(expected);
        }
    }
}

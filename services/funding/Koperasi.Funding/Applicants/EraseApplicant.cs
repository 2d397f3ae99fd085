using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.PersonalData;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Koperasi.Funding.Applicants;

/// <summary>
/// Erase an applicant (UU PDP): the vault deletes the person's key, so the record and the keyed
/// hash of the NIK are gone for good, and the display card goes with it. Events, applications
/// and reports keep the pseudonym only, so every total still adds up.
/// </summary>
public static class EraseApplicant
{
    public sealed record Request(string Reason);

    public sealed record Response(Guid ApplicantId, bool Erased);

    public static void Map(RouteGroupBuilder funding) =>
        funding.MapPost("/applicants/{id:guid}/erasure", Handle)
            .WithName("EraseApplicant")
            .RequireAuthorization(FundingPolicies.Erase)
            .WithTags("Personal data")
            .WithSummary("Erase an applicant's personal data")
            .WithDescription("Crypto-shredding: deletes the applicant's key in the vault (recorded with the reason) and the display card. Applications stay, naming the applicant by pseudonym only. 404 for an unknown applicant, 410 when already erased.")
            .Produces<Response>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone);

    private static async Task<Results<Ok<Response>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, IDocumentSession session, [FromServices] IPersonalDataVault vault, CancellationToken cancellationToken)
    {
        var v = new RequestValidation();
        v.FreeText(request.Reason, "reason", 2000);
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        if (!await vault.IsReadableAsync(session, id, cancellationToken))
        {
            return await session.LoadAsync<ApplicantCard>(id, cancellationToken) is null
                && !await session.Query<Applications.Application>().AnyAsync(a => a.ApplicantId == id, cancellationToken)
                    ? Problems.NotFound("applicant", id)
                    : Erased.Problem(id);
        }

        vault.ErasePerson(session, id, request.Reason.Trim());
        session.Delete<ApplicantCard>(id);
        await session.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new Response(id, true));
    }
}

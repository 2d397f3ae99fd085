using System.Security.Claims;
using Koperasi.Funding.Applications;
using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Identity;
using Koperasi.ServiceDefaults.PersonalData;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Koperasi.Funding.Applicants;

/// <summary>
/// Read the applicant of an application in clear: NIK, name, phone, address, bank account. The
/// vault records who read it, when and why before it answers. Admin-provinsi, verifikator, and a
/// pendamping of the application's regency; never an auditor.
/// </summary>
public static class RevealApplicant
{
    public sealed record Request(string Purpose);

    public sealed record Response(Guid ApplicantId, string Nik, string Name, string? Phone, string? Street, string? Village, BankAccount? BankAccount);

    public static void Map(RouteGroupBuilder applications) =>
        applications.MapPost("/{id:guid}/applicant/reveal", Handle)
            .WithName("RevealApplicant")
            .RequireAuthorization(FundingPolicies.Reveal)
            .WithTags("Personal data")
            .WithSummary("Reveal the applicant's personal data")
            .WithDescription("Returns the applicant's record in clear and records the read (who, when, which applicant, the purpose given). 410 when the applicant was erased.")
            .Produces<Response>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone);

    private static async Task<Results<Ok<Response>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, ClaimsPrincipal user, IQuerySession session, [FromServices] IPersonalDataVault vault, HttpResponse response, CancellationToken cancellationToken)
    {
        var v = new RequestValidation();
        v.FreeText(request.Purpose, "purpose", 500);
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        if (await session.LoadAsync<Application>(id, cancellationToken) is not { } application)
        {
            return Problems.NotFound("application", id);
        }

        if (!user.Reaches(application.RegencyCode))
        {
            return OutsideRegency.Problem(application.RegencyCode, "id");
        }

        if (await vault.RevealAsync<ApplicantRecord>(application.ApplicantId, request.Purpose.Trim(), cancellationToken) is not { } record)
        {
            return Erased.Problem(application.ApplicantId);
        }

        // Personal data in clear: no cache along the way may keep it.
        response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new Response(application.ApplicantId, record.Nik, record.Name, record.Phone, record.Street, record.Village, record.BankAccount));
    }
}

using System.Security.Claims;
using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Identity;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Funding.Applications;

/// <summary>Read one application, the applicant with the NIK masked; its stream version is the ETag.</summary>
public static class GetApplication
{
    public static void Map(RouteGroupBuilder applications) =>
        applications.MapGet("/{id:guid}", Handle)
            .WithName("GetApplication")
            .RequireAuthorization(FundingPolicies.ReadApplications)
            .WithSummary("Read an application")
            .WithDescription("A pendamping reads the applications of its regencies only (403 outside-your-regency).")
            .Produces<ApplicationResponse>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<ApplicationResponse>, ProblemHttpResult>> Handle(
        Guid id, ClaimsPrincipal user, IQuerySession session, HttpResponse response, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<Application>(id, cancellationToken) is not { } application)
        {
            return Problems.NotFound("application", id);
        }

        if (!user.Reaches(application.RegencyCode))
        {
            return OutsideRegency.Problem(application.RegencyCode, "id");
        }

        response.SetETag(application.Version);
        return TypedResults.Ok(await ApplicationViews.ShowAsync(session, user, application, cancellationToken));
    }
}

using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Time;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Registry.Supervision;

/// <summary>Assign a pembina to a koperasi at a level that has none.</summary>
public static class AssignPembinaEndpoint
{
    public sealed record Request(PembinaLevel Level, string PembinaUserId, string? RegencyCode = null);

    public static void Map(RouteGroupBuilder cooperatives) =>
        cooperatives.MapPost("/{id:guid}/pembina-assignments", Handle)
            .WithName("AssignPembina")
            .RequireAuthorization(RegistryPolicies.Write)
            .WithTags("Supervision")
            .WithSummary("Assign a pembina")
            .WithDescription("Assigns a pembina (a user) at a level, provinsi or kabupaten-kota; a kabupaten/kota pembina names the koperasi's regency. A koperasi has at most one pembina per level (409 pembina-already-assigned: reassign instead); the same pembina again changes nothing. Requires If-Match with the koperasi's ETag.")
            .ProducesSupervisionStep();

    private static Task<Results<Ok<SupervisionResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, IDocumentSession session, TimeProvider clock, HttpContext http)
    {
        var v = Validate(request, out var command);
        return SupervisionSteps.RunAsync(id, http, session, v, (koperasi, supervision) => Task.FromResult(supervision.AssignPembina(koperasi, command, clock.Today())));
    }

    /// <summary>The request's checks (400), and the command it gives.</summary>
    public static RequestValidation Validate(Request request, out AssignPembina command)
    {
        var v = new RequestValidation();
        v.Name(request.PembinaUserId, "pembinaUserId", 100);
        var regency = v.Regency(request.RegencyCode, "regencyCode", required: false);
        command = new AssignPembina(request.Level, FieldRules.Present(request.PembinaUserId) ?? "", regency);
        return v;
    }
}

using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Time;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Registry.Supervision;

/// <summary>The statistic: how many koperasi held a valid NIK koperasi on a day.</summary>
public static class ValidNikKoperasiEndpoint
{
    public sealed record Response(DateOnly On, int Holders);

    public static void Map(RouteGroupBuilder supervision) =>
        supervision.MapGet("/valid-nik-koperasi", Handle)
            .WithName("CountValidNikKoperasi")
            .RequireAuthorization(RegistryPolicies.Read)
            .WithTags("Statistics")
            .WithSummary("Valid NIK koperasi holders on a day")
            .WithDescription("The number of koperasi that held a valid NIK koperasi on on (default today): issued or renewed on or before that day and less than a year before, and not dissolved by then.")
            .Produces<Response>()
            .ProducesValidationProblem();

    private static async Task<Results<Ok<Response>, ValidationProblem>> Handle(
        IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken, DateOnly? on = null)
    {
        var v = new RequestValidation();
        v.OptionalDate(on, "on", FieldRules.EarliestCooperativeDate);
        if (!v.IsValid)
        {
            return v.ToValidationProblem();
        }

        var day = on ?? clock.Today();
        return TypedResults.Ok(new Response(day, await SupervisionStatistics.ValidNikKoperasiHoldersAsync(session, day, cancellationToken)));
    }
}

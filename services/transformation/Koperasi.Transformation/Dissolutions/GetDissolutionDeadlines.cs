using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Time;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Koperasi.Transformation.Dissolutions;

/// <summary>What is due this week and what is overdue, per regency, over the open dissolution cases, as of the service's clock.</summary>
public static class GetDissolutionDeadlines
{
    public sealed record Answer(DateOnly AsOf, IReadOnlyList<RegencyDeadlines> Regencies);

    public static void Map(RouteGroupBuilder cases) =>
        cases.MapGet("/deadlines", Handle)
            .WithName("GetDissolutionDeadlines")
            .RequireAuthorization(TransformationPolicies.Read)
            .WithSummary("Dissolution steps due this week and overdue, per regency")
            .WithDescription("Over the open cases, as of today in WIB: dueThisWeek (today and the next 6 days) and overdue (deadlines passed). regency (1571 or 15.71) narrows to one.")
            .Produces<Answer>()
            .ProducesValidationProblem();

    private static async Task<Results<Ok<Answer>, ValidationProblem>> Handle(
        IQuerySession session, TimeProvider clock, IOptions<DissolutionOptions> options, CancellationToken cancellationToken, string? regency = null)
    {
        var v = new RequestValidation();
        var regencyCode = v.Regency(regency, "regency", required: false);
        if (!v.IsValid)
        {
            return v.ToValidationProblem();
        }

        var query = session.Query<DissolutionCase>()
            .Where(c => c.Stage != DissolutionStage.Dissolved && c.Stage != DissolutionStage.Rejected && c.Stage != DissolutionStage.Withdrawn);
        if (regencyCode is not null)
        {
            query = query.Where(c => c.Cooperative.RegencyCode == regencyCode);
        }

        var open = await query.ToListAsync(cancellationToken);
        var asOf = clock.Today();
        return TypedResults.Ok(new Answer(asOf, DissolutionDeadlines.Watch(open, asOf, options.Value, regencyCode)));
    }
}

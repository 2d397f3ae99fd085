using Koperasi.ServiceDefaults.Regions;
using Koperasi.ServiceDefaults.Http;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Funding.Reports;

/// <summary>Monitoring coverage: the share of disbursed grants visited at least once.</summary>
public static class GetMonitoringCoverage
{
    public sealed record Row(int Year, string RegencyCode, string RegencyName, int Disbursed, int Monitored, decimal Coverage);

    public sealed record Response(int? Year, int Disbursed, int Monitored, decimal Coverage, IReadOnlyList<Row> Rows);

    public static void Map(RouteGroupBuilder reports) =>
        reports.MapGet("/monitoring", Handle)
            .WithName("GetMonitoringCoverage")
            .RequireAuthorization(FundingPolicies.Reports)
            .WithSummary("Monitoring coverage")
            .WithDescription("Per year and regency: grants disbursed, grants with at least one monitoring visit, and their share (1 = every disbursed grant visited).")
            .Produces<Response>()
            .ProducesValidationProblem();

    private static async Task<Results<Ok<Response>, ValidationProblem>> Handle(IDocumentStore store, CancellationToken cancellationToken, int? year = null)
    {
        if (year is < 2000 or > 2999)
        {
            return Problems.Validation("year", "A year such as 2023.");
        }

        var totals = await GrantTotals.ReadAsync(store, year, cancellationToken);
        var rows = totals.GroupBy(t => (t.Year, t.RegencyCode))
            .Select(g => new Row(g.Key.Year, g.Key.RegencyCode, Regencies.NameOf(g.Key.RegencyCode), g.Sum(t => t.Disbursed), g.Sum(t => t.Monitored), Coverage(g.Sum(t => t.Monitored), g.Sum(t => t.Disbursed))))
            .Where(r => r.Disbursed > 0)
            .OrderBy(r => r.Year).ThenBy(r => r.RegencyCode, StringComparer.Ordinal)
            .ToList();
        var disbursed = rows.Sum(r => r.Disbursed);
        var monitored = rows.Sum(r => r.Monitored);
        return TypedResults.Ok(new Response(year, disbursed, monitored, Coverage(monitored, disbursed), rows));
    }

    private static decimal Coverage(int monitored, int disbursed) => disbursed == 0 ? 0 : Math.Round((decimal)monitored / disbursed, 4);
}

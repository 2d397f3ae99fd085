using Koperasi.ServiceDefaults.Regions;
using Koperasi.ServiceDefaults.Http;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Funding.Reports;

/// <summary>Recipients (decreed grants not withdrawn) and their amounts, grouped as asked.</summary>
public static class GetRecipients
{
    public sealed record Row(int? Year, string? RegencyCode, string? RegencyName, string? Kecamatan, string? Category, int Recipients, decimal Amount);

    public sealed record Response(int? Year, IReadOnlyList<string> GroupBy, int Recipients, decimal Amount, IReadOnlyList<Row> Rows);

    private static readonly string[] Dimensions = ["year", "regency", "kecamatan", "category"];

    public static void Map(RouteGroupBuilder reports) =>
        reports.MapGet("/recipients", Handle)
            .WithName("GetRecipients")
            .RequireAuthorization(FundingPolicies.Reports)
            .WithSummary("Recipients and amounts")
            .WithDescription("Decreed grants (withdrawn ones taken out) and their rupiah, for one year or all, grouped by any of year, regency, kecamatan, category (default year and regency).")
            .Produces<Response>()
            .ProducesValidationProblem();

    private static async Task<Results<Ok<Response>, ValidationProblem>> Handle(
        IDocumentStore store, CancellationToken cancellationToken, int? year = null, string[]? groupBy = null)
    {
        var v = new RequestValidation();
        var dimensions = (groupBy is { Length: > 0 } ? groupBy.SelectMany(g => g.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) : ["year", "regency"]).Distinct().ToList();
        foreach (var unknown in dimensions.Where(d => !Dimensions.Contains(d)))
        {
            v.Add("groupBy", $"Unknown dimension '{unknown}'; use {string.Join(", ", Dimensions)}.");
        }

        v.Year(year, "year", 2000, 2999);
        if (!v.IsValid)
        {
            return v.ToValidationProblem();
        }

        bool By(string dimension) => dimensions.Contains(dimension);
        var totals = await GrantTotals.ReadAsync(store, year, cancellationToken);
        var rows = totals
            .GroupBy(t => (Year: By("year") ? t.Year : (int?)null, Regency: By("regency") ? t.RegencyCode : null, Kecamatan: By("kecamatan") ? t.Kecamatan : null, Category: By("category") ? t.Category : null))
            .Select(g => new Row(g.Key.Year, g.Key.Regency, g.Key.Regency is { } code ? Regencies.NameOf(code) : null, g.Key.Kecamatan, g.Key.Category, g.Sum(t => t.Recipients), g.Sum(t => t.Amount)))
            .Where(r => r.Recipients != 0 || r.Amount != 0)
            .OrderBy(r => r.Year).ThenBy(r => r.RegencyCode, StringComparer.Ordinal).ThenBy(r => r.Kecamatan, StringComparer.Ordinal).ThenBy(r => r.Category, StringComparer.Ordinal)
            .ToList();
        return TypedResults.Ok(new Response(year, dimensions, totals.Sum(t => t.Recipients), totals.Sum(t => t.Amount), rows));
    }
}

namespace Koperasi.Funding.Demo;

/// <summary>A year's grants per regency: how many, and how many of them at the higher of two grant amounts.</summary>
public sealed record YearAllocation(DemoGrants.ProgrammeSetup Programme, IReadOnlyDictionary<string, int> Recipients, IReadOnlyDictionary<string, int> HigherGrants)
{
    /// <summary>The grant amounts of the year's categories, lowest first (one or two).</summary>
    public IReadOnlyList<decimal> Amounts { get; } = [.. Programme.Categories.Select(c => c.Amount).Distinct().Order()];
}

/// <summary>
/// Deals the published figures out to the years and regencies so that every published sum comes
/// out exact: each year's recipients and rupiah, the period's recipients per regency, and the
/// figures published for a regency in a year. What is not published (the other regencies' split
/// between the years) is apportioned by the period's table, largest remainder first. Figures that
/// contradict each other stop the generation with the figures named.
/// </summary>
public static class DemoAllocation
{
    public static IReadOnlyList<YearAllocation> Allocate(DemoGrants grants)
    {
        var years = grants.Programmes
            .Where(p => p.Published is not null)
            .OrderBy(p => p.Year)
            .ToList();
        var period = grants.Period;
        if (years.Any(y => y.Year < period.FirstYear || y.Year > period.LastYear))
        {
            throw new InvalidOperationException($"Published years must lie in the period {period.FirstYear}-{period.LastYear} of the regency table.");
        }

        var tableTotal = period.RecipientsByRegency.Values.Sum();
        var yearsTotal = years.Sum(y => y.Published!.Recipients);
        if (tableTotal != yearsTotal)
        {
            throw new InvalidOperationException($"The regency table counts {tableTotal} recipients, the years {yearsTotal}.");
        }

        var remaining = new Dictionary<string, int>(period.RecipientsByRegency);
        var allocations = new List<YearAllocation>();
        foreach (var year in years)
        {
            var recipients = year == years[^1] ? new Dictionary<string, int>(remaining) : RecipientsOf(year, remaining);
            foreach (var fixedFigure in year.Published!.Regencies.Where(r => recipients.GetValueOrDefault(r.Code) != r.Recipients))
            {
                throw new InvalidOperationException(
                    $"{year.Year}: regency {fixedFigure.Code} is published with {fixedFigure.Recipients} recipients, the regency table leaves {recipients.GetValueOrDefault(fixedFigure.Code)}.");
            }

            foreach (var (code, count) in recipients)
            {
                remaining[code] -= count;
            }

            allocations.Add(new YearAllocation(year, recipients, HigherGrantsOf(year, recipients)));
        }

        return allocations;
    }

    private static Dictionary<string, int> RecipientsOf(DemoGrants.ProgrammeSetup year, IReadOnlyDictionary<string, int> remaining)
    {
        var published = year.Published!;
        var fixedCounts = published.Regencies.ToDictionary(r => r.Code, r => r.Recipients);
        var open = remaining.Where(r => !fixedCounts.ContainsKey(r.Key)).ToDictionary(r => r.Key, r => (double)r.Value);
        var rest = published.Recipients - fixedCounts.Values.Sum();
        var result = Apportion(rest, open);
        foreach (var (code, count) in fixedCounts)
        {
            result[code] = count;
        }

        foreach (var (code, count) in result.Where(r => r.Value > remaining.GetValueOrDefault(r.Key)))
        {
            throw new InvalidOperationException($"{year.Year}: regency {code} would need {count} recipients, the regency table leaves {remaining.GetValueOrDefault(code)}.");
        }

        return result;
    }

    /// <summary>With one grant amount, the year's rupiah must be recipients × amount; with two, the rupiah decide how many get the higher.</summary>
    private static Dictionary<string, int> HigherGrantsOf(DemoGrants.ProgrammeSetup year, Dictionary<string, int> recipients)
    {
        var amounts = year.Categories.Select(c => c.Amount).Distinct().Order().ToList();
        var published = year.Published!;
        if (amounts.Count is < 1 or > 2)
        {
            throw new InvalidOperationException($"{year.Year}: the demo reproduces years of one or two grant amounts, not {amounts.Count}.");
        }

        int Higher(int count, decimal amount, string what)
        {
            var low = amounts[0];
            var step = amounts.Count == 2 ? amounts[1] - low : 0;
            var extra = amount - (count * low);
            var higher = step == 0 ? (extra == 0 ? 0 : -1) : extra / step;
            return higher >= 0 && higher <= count && decimal.IsInteger(higher)
                ? (int)higher
                : throw new InvalidOperationException($"{year.Year}: {what} of {count} recipients cannot add up to Rp {amount:N0} with grants of {string.Join(" and ", amounts.Select(a => $"Rp {a:N0}"))}.");
        }

        var total = Higher(published.Recipients, published.Amount, "the year");
        var result = published.Regencies.ToDictionary(r => r.Code, r => Higher(r.Recipients, r.Amount, $"regency {r.Code}"));
        var open = recipients.Where(r => !result.ContainsKey(r.Key)).ToDictionary(r => r.Key, r => (double)r.Value);
        foreach (var (code, count) in Apportion(total - result.Values.Sum(), open))
        {
            result[code] = count <= recipients[code]
                ? count
                : throw new InvalidOperationException($"{year.Year}: regency {code} would need {count} higher grants among {recipients[code]} recipients.");
        }

        return result;
    }

    /// <summary>Splits <paramref name="total"/> in proportion to the weights: floors first, then the largest remainders (ties by key).</summary>
    public static Dictionary<string, int> Apportion(int total, IReadOnlyDictionary<string, double> weights)
    {
        var sum = weights.Values.Sum();
        if (total < 0 || (total > 0 && sum <= 0))
        {
            throw new InvalidOperationException($"Cannot share {total} among weights summing to {sum}.");
        }

        var exact = weights.ToDictionary(w => w.Key, w => sum == 0 ? 0 : total * w.Value / sum);
        var result = exact.ToDictionary(e => e.Key, e => (int)Math.Floor(e.Value));
        var left = total - result.Values.Sum();
        foreach (var key in exact.OrderByDescending(e => e.Value - Math.Floor(e.Value)).ThenBy(e => e.Key, StringComparer.Ordinal).Take(left).Select(e => e.Key))
        {
            result[key]++;
        }

        return result;
    }
}

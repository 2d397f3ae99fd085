using Koperasi.ServiceDefaults.Regions;
using Koperasi.ServiceDefaults.Http;

namespace Koperasi.Funding.Programmes;

/// <summary>The parts of a programme as requests send them, and their shape checks.</summary>
public static class ProgrammeInput
{
    /// <summary>A category as sent; open unless said otherwise.</summary>
    public sealed record CategoryDto(string Code, string Name, decimal Amount, bool Open = true)
    {
        public GrantCategory ToCategory() => new(Code.Trim(), FieldRules.Tidy(Name), Amount, Open);
    }

    /// <summary>Eligibility switches as sent: a part left out keeps what it is (or the default, for a new programme).</summary>
    public sealed record EligibilityDto(
        IReadOnlyList<string>? WomenOnlyCategories = null,
        IReadOnlyList<AgeRange>? AgeRanges = null,
        GrantLimit? GrantLimit = null,
        IReadOnlyList<Applications.Occupation>? ExcludedOccupations = null,
        bool? ExcludeKurDebtors = null)
    {
        public EligibilityRules Over(EligibilityRules basis) => new(
            [.. (WomenOnlyCategories ?? basis.WomenOnlyCategories).Select(c => c.Trim()).Distinct()],
            [.. (AgeRanges ?? basis.AgeRanges).Select(r => r with { Category = r.Category.Trim() })],
            GrantLimit ?? basis.GrantLimit,
            [.. (ExcludedOccupations ?? basis.ExcludedOccupations).Distinct()],
            ExcludeKurDebtors ?? basis.ExcludeKurDebtors);
    }

    public static void Categories(RequestValidation v, IReadOnlyList<CategoryDto> categories)
    {
        v.Items(categories, "categories", 50, min: 1);
        for (var i = 0; i < Math.Min(categories.Count, 50); i++)
        {
            var category = categories[i];
            v.KebabCode(category.Code, $"categories[{i}].code");
            v.Name(category.Name, $"categories[{i}].name", 100);
            v.Check(category.Amount > 0, $"categories[{i}].amount", "A grant of more than Rp 0.");
        }

        v.Check(categories.Select(c => c.Code?.Trim()).Distinct().Count() == categories.Count, "categories", "Each category code once.");
    }

    public static void Eligibility(RequestValidation v, EligibilityDto rules)
    {
        var womenOnly = rules.WomenOnlyCategories ?? [];
        v.Items(womenOnly, "eligibility.womenOnlyCategories", 50);
        for (var i = 0; i < Math.Min(womenOnly.Count, 50); i++)
        {
            v.KebabCode(womenOnly[i], $"eligibility.womenOnlyCategories[{i}]");
        }

        var ranges = rules.AgeRanges ?? [];
        v.Items(ranges, "eligibility.ageRanges", 50);
        for (var i = 0; i < Math.Min(ranges.Count, 50); i++)
        {
            var range = ranges[i];
            v.KebabCode(range.Category, $"eligibility.ageRanges[{i}].category");
            v.Check(range.MinAge is >= 0 and <= 120 && range.MaxAge is >= 0 and <= 120 && range.MinAge <= range.MaxAge,
                $"eligibility.ageRanges[{i}]", "Ages 0–120, minAge not above maxAge.");
        }
    }

    /// <summary>Quotas keyed by a regency code in either spelling, each a number of recipients.</summary>
    public static void Quotas(RequestValidation v, IReadOnlyDictionary<string, int> quotas)
    {
        foreach (var (regency, quota) in quotas)
        {
            v.Regency(regency, "regencyQuotas");
            v.Check(quota > 0, $"regencyQuotas.{regency}", "A quota of at least one recipient.");
        }
    }

    public static void Window(RequestValidation v, ApplicationWindow window) =>
        v.DateRange(window.Opens, window.Closes, "window");

    public static IReadOnlyDictionary<string, int> NormalizeQuotas(IReadOnlyDictionary<string, int> quotas) =>
        quotas.ToDictionary(q => Regencies.TryNormalize(q.Key, out var code) ? code : q.Key, q => q.Value);
}

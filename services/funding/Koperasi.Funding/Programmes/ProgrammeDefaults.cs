using Koperasi.Funding.Applications;
using Koperasi.ServiceDefaults.Http;

namespace Koperasi.Funding.Programmes;

/// <summary>
/// The eligibility switches a new programme starts with when its request leaves them out
/// (configuration section <c>Programmes:DefaultEligibility</c>; appsettings.json holds DOMAIN's
/// policy: mak-mak women only, milenial 18–39, one grant per NIK per year, the four excluded
/// occupations, no KUR debtors). The programme records the values it got, so a later change of
/// configuration never changes a programme.
/// </summary>
public sealed class ProgrammeDefaults
{
    public List<string> WomenOnlyCategories { get; set; } = [];
    public List<AgeRangeSetting> AgeRanges { get; set; } = [];
    public string GrantLimit { get; set; } = "off";
    public List<string> ExcludedOccupations { get; set; } = [];
    public bool ExcludeKurDebtors { get; set; }

    public sealed class AgeRangeSetting
    {
        public string Category { get; set; } = "";
        public int MinAge { get; set; }
        public int MaxAge { get; set; }
    }

    /// <summary>The default rules for a programme with these categories (rules about other categories left out).</summary>
    public EligibilityRules For(IReadOnlyList<GrantCategory> categories)
    {
        bool Has(string code) => categories.Any(c => c.Code == code);
        return new EligibilityRules(
            [.. WomenOnlyCategories.Where(Has)],
            [.. AgeRanges.Where(r => Has(r.Category)).Select(r => new AgeRange(r.Category, r.MinAge, r.MaxAge))],
            Parse<GrantLimit>(GrantLimit),
            [.. ExcludedOccupations.Select(Parse<Occupation>)],
            ExcludeKurDebtors);
    }

    /// <summary>Fails the start with the key and the reason when a default cannot be read.</summary>
    public void Validate()
    {
        _ = For([]);
        if (AgeRanges.Any(r => r.MinAge < 0 || r.MaxAge < r.MinAge))
        {
            throw new InvalidOperationException("Programmes:DefaultEligibility:AgeRanges: MinAge is 0 or more and MaxAge at least MinAge.");
        }
    }

    private static T Parse<T>(string value) where T : struct, Enum
    {
        var validation = new RequestValidation();
        return KebabEnum.Parse<T>(value, "value", validation) is { } parsed && validation.IsValid
            ? parsed
            : throw new InvalidOperationException($"Programmes:DefaultEligibility: '{value}' is not one of {string.Join(", ", Enum.GetValues<T>().Select(member => KebabEnum.Name(member)))}.");
    }
}

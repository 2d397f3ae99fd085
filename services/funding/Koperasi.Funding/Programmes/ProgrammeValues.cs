using Koperasi.Funding.Applications;

namespace Koperasi.Funding.Programmes;

/// <summary>A grant category of a programme: its code (mak-mak, wirausaha-pemula, milenial, ...), name and grant.</summary>
/// <param name="Code">Kebab-case code the applications name.</param>
/// <param name="Name">Name as officers write it.</param>
/// <param name="Amount">The grant in rupiah.</param>
/// <param name="Open">Whether the category takes applications; a category is closed, never removed.</param>
public sealed record GrantCategory(string Code, string Name, decimal Amount, bool Open);

/// <summary>The age range a category is restricted to, in whole years on the programme's reference date.</summary>
public sealed record AgeRange(string Category, int MinAge, int MaxAge);

/// <summary>How often one person (one NIK) may receive a Dumisake grant.</summary>
public enum GrantLimit
{
    /// <summary>One grant per programme year.</summary>
    PerYear,

    /// <summary>One grant ever, across all programmes.</summary>
    Ever,

    /// <summary>The rule is switched off.</summary>
    Off,
}

/// <summary>
/// The eligibility switches of a programme (DOMAIN "Dumisake grants", each a policy an officer can
/// switch off): an empty list or <see cref="GrantLimit.Off"/> switches its rule off.
/// </summary>
/// <param name="WomenOnlyCategories">Categories only women may apply to (mak-mak).</param>
/// <param name="AgeRanges">Categories restricted to an age range (milenial 18–39).</param>
/// <param name="GrantLimit">One grant per NIK per year, ever, or no limit.</param>
/// <param name="ExcludedOccupations">Occupations that may not receive a grant (civil servant, soldier, police officer, state-company employee).</param>
/// <param name="ExcludeKurDebtors">Whether a current KUR (people's business credit) debtor is refused.</param>
public sealed record EligibilityRules(
    IReadOnlyList<string> WomenOnlyCategories,
    IReadOnlyList<AgeRange> AgeRanges,
    GrantLimit GrantLimit,
    IReadOnlyList<Occupation> ExcludedOccupations,
    bool ExcludeKurDebtors);

/// <summary>The days (inclusive, Jambi time) on which applications are taken.</summary>
public sealed record ApplicationWindow(DateOnly Opens, DateOnly Closes)
{
    public bool Contains(DateOnly day) => day >= Opens && day <= Closes;
}

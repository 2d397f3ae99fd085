using Koperasi.Funding.Programmes;
using Koperasi.ServiceDefaults.Http;

namespace Koperasi.Funding.Applications;

/// <summary>A grant someone already holds, for the rule of one grant per NIK.</summary>
public sealed record GrantHeld(Guid ApplicationId, Guid ProgrammeId, int ProgrammeYear);

/// <summary>What the eligibility rules look at: the application's facts and what the field visit found.</summary>
public sealed record EligibilityFacts(string Category, Sex Sex, DateOnly BirthDate, Occupation Occupation, bool DeclaredKurDebtor, bool KurDebtorFound);

/// <summary>
/// The programme's eligibility switches applied to one application. Every rule that fails is
/// named, not only the first, so the answer or the recorded decision says all of them.
/// </summary>
public static class EligibilityCheck
{
    /// <summary>The rule name of a refusal that lists the failed rules.</summary>
    public const string NotEligible = "not-eligible";

    public static IReadOnlyList<EligibilityFailure> Evaluate(Programme programme, EligibilityFacts facts, IReadOnlyList<GrantHeld> grantsHeld)
    {
        var rules = programme.Eligibility;
        var failures = new List<EligibilityFailure>();
        if (rules.WomenOnlyCategories.Contains(facts.Category) && facts.Sex != Sex.Female)
        {
            failures.Add(new("women-only-category", $"Category {facts.Category} is for women entrepreneurs only."));
        }

        foreach (var range in rules.AgeRanges.Where(r => r.Category == facts.Category))
        {
            var age = AgeOn(facts.BirthDate, programme.ReferenceDate);
            if (age < range.MinAge || age > range.MaxAge)
            {
                failures.Add(new("age-out-of-range", $"Category {facts.Category} is for ages {range.MinAge}–{range.MaxAge} on {programme.ReferenceDate:yyyy-MM-dd}; the applicant is {age}."));
            }
        }

        if (GrantLimitFailure(programme, grantsHeld) is { } limit)
        {
            failures.Add(limit);
        }

        if (rules.ExcludedOccupations.Contains(facts.Occupation))
        {
            failures.Add(new("excluded-occupation", $"Applicants working as {KebabEnum.Name(facts.Occupation)} are excluded from this programme."));
        }

        if (rules.ExcludeKurDebtors && (facts.DeclaredKurDebtor || facts.KurDebtorFound))
        {
            failures.Add(new("kur-debtor", facts.DeclaredKurDebtor
                ? "The applicant declared a current KUR loan."
                : "The field verification found a current KUR loan."));
        }

        return failures;
    }

    /// <summary>The rule of one grant per NIK (per year or ever), if the grants held break it.</summary>
    public static EligibilityFailure? GrantLimitFailure(Programme programme, IReadOnlyList<GrantHeld> grantsHeld)
    {
        var limiting = programme.Eligibility.GrantLimit switch
        {
            GrantLimit.PerYear => grantsHeld.Where(g => g.ProgrammeYear == programme.Year).ToList(),
            GrantLimit.Ever => [.. grantsHeld],
            _ => [],
        };
        if (limiting.Count == 0)
        {
            return null;
        }

        return programme.Eligibility.GrantLimit == GrantLimit.PerYear
            ? new("one-grant-per-year", $"The applicant already holds a Dumisake grant of {programme.Year}.")
            : new("one-grant-ever", $"The applicant already received a Dumisake grant ({string.Join(", ", limiting.Select(g => g.ProgrammeYear).Distinct())}).");
    }

    /// <summary>Whole years of age on a day.</summary>
    public static int AgeOn(DateOnly birthDate, DateOnly day)
    {
        var age = day.Year - birthDate.Year;
        return birthDate.AddYears(age) > day ? age - 1 : age;
    }
}

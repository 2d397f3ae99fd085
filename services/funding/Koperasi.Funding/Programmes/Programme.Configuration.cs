using Koperasi.ServiceDefaults.Decisions;

namespace Koperasi.Funding.Programmes;

// Opening a programme and changing its configuration.
public sealed partial record Programme
{
    public static Decision Open(OpenProgrammeCommand command) =>
        UnknownCategoryIn(command.Eligibility, command.Categories) is { } broken
            ? broken
            : Decision.Accept(new ProgrammeOpened(
                command.ProgrammeId, command.Year, command.Name, command.Budget, command.TargetRecipients, command.Categories,
                command.RegencyQuotas, command.Eligibility, command.ReferenceDate, command.Window));

    /// <summary>One event per part that differs from what is recorded; nothing when nothing differs.</summary>
    public Decision Change(ProgrammeChange change)
    {
        var budget = change.Budget ?? Budget;
        if (budget < DecreedAmount)
        {
            return DomainError.Conflict(
                "budget-below-decreed", $"Grants of Rp {DecreedAmount:N0} are already decreed; the budget cannot be less.", "budget");
        }

        var categories = change.Categories ?? Categories;
        if (Categories.FirstOrDefault(existing => categories.All(c => c.Code != existing.Code)) is { } removed)
        {
            return DomainError.Unprocessable(
                "category-cannot-be-removed", $"Category {removed.Code} may have applications: close it (open: false) instead of removing it.", "categories");
        }

        var quotas = change.RegencyQuotas ?? RegencyQuotas;
        if (quotas.FirstOrDefault(q => q.Value < DecreedIn(q.Key)) is { Key: not null } tooSmall)
        {
            return DomainError.Conflict(
                "quota-below-decreed", $"{DecreedIn(tooSmall.Key)} grants are already decreed in {tooSmall.Key}; its quota cannot be less.", "regencyQuotas");
        }

        var eligibility = change.Eligibility ?? Eligibility;
        if (UnknownCategoryIn(eligibility, categories) is { } unknown)
        {
            return unknown;
        }

        var events = new List<object>();
        var target = change.TargetRecipients ?? TargetRecipients;
        if (budget != Budget || target != TargetRecipients)
        {
            events.Add(new ProgrammeBudgetChanged(Id, budget, target));
        }

        if (!categories.SequenceEqual(Categories))
        {
            events.Add(new ProgrammeCategoriesChanged(Id, categories));
        }

        if (!SameQuotas(quotas, RegencyQuotas))
        {
            events.Add(new ProgrammeQuotasChanged(Id, quotas));
        }

        if (!SameRules(eligibility, Eligibility))
        {
            events.Add(new ProgrammeEligibilityChanged(Id, eligibility));
        }

        var referenceDate = change.ReferenceDate ?? ReferenceDate;
        var window = change.Window ?? Window;
        if (referenceDate != ReferenceDate || window != Window)
        {
            events.Add(new ProgrammeScheduleChanged(Id, referenceDate, window));
        }

        return Decision.Accept(events);
    }

    private static DomainError? UnknownCategoryIn(EligibilityRules rules, IReadOnlyList<GrantCategory> categories)
    {
        var unknown = rules.WomenOnlyCategories.Concat(rules.AgeRanges.Select(r => r.Category))
            .FirstOrDefault(code => categories.All(c => c.Code != code));
        return unknown is null
            ? null
            : DomainError.Unprocessable("eligibility-names-unknown-category", $"The eligibility rules name category {unknown}, which the programme does not have.", "eligibility");
    }

    private static bool SameQuotas(IReadOnlyDictionary<string, int> a, IReadOnlyDictionary<string, int> b) =>
        a.Count == b.Count && a.All(q => b.TryGetValue(q.Key, out var other) && other == q.Value);

    private static bool SameRules(EligibilityRules a, EligibilityRules b) =>
        a.WomenOnlyCategories.SequenceEqual(b.WomenOnlyCategories)
        && a.AgeRanges.SequenceEqual(b.AgeRanges)
        && a.GrantLimit == b.GrantLimit
        && a.ExcludedOccupations.SequenceEqual(b.ExcludedOccupations)
        && a.ExcludeKurDebtors == b.ExcludeKurDebtors;
}

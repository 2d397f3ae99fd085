using Koperasi.Funding.Applications;
using Koperasi.Funding.Programmes;
using static Koperasi.Funding.Tests.Domain.Given;

namespace Koperasi.Funding.Tests.Domain;

public class ProgrammeTests
{
    private static Programme WithOneGrant(decimal budget = 100_000_000, IReadOnlyDictionary<string, int>? quotas = null)
    {
        var programme = Opened(Opening(budget: budget, quotas: quotas));
        var application = ApplicationAt(ApplicationStatus.Eligible, programme);
        var outcome = programme.IssueDecreeBatch(
            new IssueDecreeBatch(Guid.NewGuid(), "188.4/1/KPTS/2026", Today, [application.Id]),
            new Dictionary<Guid, Application?> { [application.Id] = application }, new Dictionary<Guid, Cooperatives.CooperativeReplica?>(),
            new Dictionary<Guid, IReadOnlyList<GrantHeld>>(), [], Today);
        return Programme.Fold(programme, outcome.Batch!)!;
    }

    [Fact]
    public void Opening_records_every_part_of_the_configuration()
    {
        var opening = Opening(quotas: new Dictionary<string, int> { ["1571"] = 300 });
        var programme = Opened(opening);
        (programme.Year, programme.Budget, programme.Categories.Count, programme.RegencyQuotas["1571"], programme.Eligibility).ShouldBe((2026, 1_000_000_000m, 3, 300, DefaultRules));
    }

    [Fact]
    public void The_rules_may_name_only_categories_the_programme_has()
    {
        var error = Rejected(Programmes.Programme.Open(Opening(rules: DefaultRules with { WomenOnlyCategories = ["ibu-rumah-tangga"] })));
        error.Rule.ShouldBe("eligibility-names-unknown-category");
    }

    [Fact]
    public void A_change_records_one_event_per_part_that_differs_and_nothing_when_none_does()
    {
        var programme = Opened();
        Accepted(programme.Change(new ProgrammeChange(Budget: programme.Budget, Eligibility: programme.Eligibility))).ShouldBeEmpty();

        var events = Accepted(programme.Change(new ProgrammeChange(
            Budget: 2_000_000_000,
            RegencyQuotas: new Dictionary<string, int> { ["1503"] = 10 },
            Eligibility: DefaultRules with { ExcludeKurDebtors = false },
            Window: new ApplicationWindow(D(2026, 2, 1), D(2026, 5, 31)))));

        events.Select(e => e.GetType()).ShouldBe([typeof(ProgrammeBudgetChanged), typeof(ProgrammeQuotasChanged), typeof(ProgrammeEligibilityChanged), typeof(ProgrammeScheduleChanged)]);
    }

    [Fact]
    public void An_officer_adds_a_category_and_closes_one_but_never_removes_one()
    {
        var programme = Opened();
        var added = Accepted(programme.Change(new ProgrammeChange(Categories:
        [
            .. programme.Categories.Select(c => c.Code == "milenial" ? c with { Open = false } : c),
            new GrantCategory("disabilitas", "Wirausaha disabilitas", 15_000_000, true),
        ]))).ShouldHaveSingleItem().ShouldBeOfType<ProgrammeCategoriesChanged>();
        added.Categories.Count.ShouldBe(4);

        Rejected(programme.Change(new ProgrammeChange(Categories: [.. programme.Categories.Skip(1)]))).Rule.ShouldBe("category-cannot-be-removed");
    }

    [Fact]
    public void The_budget_and_a_quota_cannot_fall_below_what_is_decreed()
    {
        var programme = WithOneGrant(quotas: new Dictionary<string, int> { ["1503"] = 5 });
        Rejected(programme.Change(new ProgrammeChange(Budget: 19_999_999))).Rule.ShouldBe("budget-below-decreed");
        Accepted(programme.Change(new ProgrammeChange(Budget: 20_000_000))).ShouldHaveSingleItem();
        Rejected(programme.Change(new ProgrammeChange(RegencyQuotas: new Dictionary<string, int> { ["1503"] = 0 }))).Rule.ShouldBe("quota-below-decreed");
    }
}

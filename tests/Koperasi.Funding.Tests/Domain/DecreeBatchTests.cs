using Koperasi.Funding.Applications;
using Koperasi.Funding.Cooperatives;
using Koperasi.Funding.Programmes;
using Koperasi.ServiceDefaults.Decisions;
using static Koperasi.Funding.Tests.Domain.Given;

namespace Koperasi.Funding.Tests.Domain;

public class DecreeBatchTests
{
    private static IssueDecreeBatch Batch(params Application[] applications) =>
        new(Guid.NewGuid(), $"188.4/{Guid.NewGuid():N}/KPTS/2026", Today, [.. applications.Select(a => a.Id)]);

    private static DecreeBatchOutcome Decide(
        Programme programme, IssueDecreeBatch batch, IEnumerable<Application> applications,
        IReadOnlyDictionary<Guid, CooperativeReplica?>? cooperatives = null, IReadOnlyDictionary<Guid, IReadOnlyList<GrantHeld>>? grants = null,
        IReadOnlyCollection<string>? numbersUsed = null) =>
        programme.IssueDecreeBatch(
            batch,
            applications.ToDictionary(a => a.Id, a => (Application?)a),
            cooperatives ?? new Dictionary<Guid, CooperativeReplica?>(),
            grants ?? new Dictionary<Guid, IReadOnlyList<GrantHeld>>(),
            numbersUsed ?? [],
            Today);

    private static Application Eligible(Programme programme, string regency = "1503", string category = "wirausaha-pemula", Guid? cooperativeId = null) =>
        ApplicationAt(ApplicationStatus.Eligible, programme, Submission(programme, category: category, regency: regency, cooperativeId: cooperativeId));

    [Fact]
    public void A_batch_within_the_budget_decrees_each_application_at_its_category_s_grant()
    {
        var programme = Opened(Opening(budget: 30_000_000));
        var pemula = Eligible(programme);
        var makMak = Eligible(programme, category: "mak-mak");

        var outcome = Decide(programme, Batch(pemula, makMak), [pemula, makMak]);

        outcome.Refusal.ShouldBeNull();
        outcome.ApplicationEvents.Values.Cast<GrantAwarded>().Select(g => g.Amount).ShouldBe([20_000_000m, 10_000_000m]);
        var after = Programme.Fold(programme, outcome.Batch!)!;
        (after.DecreedRecipients, after.DecreedAmount, after.RemainingBudget).ShouldBe((2, 30_000_000m, 0m));
    }

    [Fact]
    public void A_batch_over_the_budget_is_refused_whole_with_the_figures()
    {
        var programme = Opened(Opening(budget: 50_000_000));
        var first = Eligible(programme);
        var decreed = Programme.Fold(programme, Decide(programme, Batch(first), [first]).Batch!)!;
        var second = Eligible(programme);
        var third = Eligible(programme);

        var outcome = Decide(decreed, Batch(second, third), [second, third]);

        var refusal = outcome.Refusal.ShouldNotBeNull();
        (refusal.Rule, refusal.Kind).ShouldBe(("budget-exceeded", DomainErrorKind.Conflict));
        refusal.Budget.ShouldBe(new BudgetFigures(50_000_000, 20_000_000, 40_000_000, 30_000_000));
        (outcome.Batch, outcome.ApplicationEvents.Count).ShouldBe((null, 0));
    }

    [Fact]
    public void A_regency_s_quota_is_never_exceeded_and_other_regencies_are_not_limited_by_it()
    {
        var programme = Opened(Opening(quotas: new Dictionary<string, int> { ["1503"] = 1 }));
        var sarolangun = Eligible(programme, "1503");
        var alsoSarolangun = Eligible(programme, "1503");
        var kotaJambi = Eligible(programme, "1571");

        var refusal = Decide(programme, Batch(sarolangun, alsoSarolangun, kotaJambi), [sarolangun, alsoSarolangun, kotaJambi]).Refusal.ShouldNotBeNull();
        refusal.Rule.ShouldBe("regency-quota-exceeded");
        refusal.Regencies.ShouldBe([new QuotaFigures("1503", 1, 0, 2, true)]);

        Decide(programme, Batch(sarolangun, kotaJambi), [sarolangun, kotaJambi]).Refusal.ShouldBeNull();
    }

    [Fact]
    public void Budget_and_quota_broken_together_are_both_named()
    {
        var programme = Opened(Opening(budget: 20_000_000, quotas: new Dictionary<string, int> { ["1503"] = 1 }));
        var a = Eligible(programme);
        var b = Eligible(programme);
        Decide(programme, Batch(a, b), [a, b]).Refusal!.Rules.ShouldBe(["budget-exceeded", "regency-quota-exceeded"]);
    }

    [Fact]
    public void An_application_that_is_not_eligible_refuses_the_whole_batch_and_is_named()
    {
        var programme = Opened();
        var eligible = Eligible(programme);
        var pending = ApplicationAt(ApplicationStatus.FieldVerified, programme);
        var missing = Guid.NewGuid();
        var batch = Batch(eligible, pending) with { ApplicationIds = [eligible.Id, pending.Id, missing] };

        var refusal = Decide(programme, batch, [eligible, pending]).Refusal.ShouldNotBeNull();

        refusal.Rule.ShouldBe("applications-not-decreeable");
        refusal.Applications.Select(a => (a.ApplicationId, a.Rule)).ShouldBe([(pending.Id, Application.WrongStage), (missing, "application-not-found")]);
    }

    [Fact]
    public void An_application_of_another_programme_is_not_decreed_here()
    {
        var programme = Opened();
        var other = Opened(Opening());
        var foreign = Eligible(other);
        Decide(programme, Batch(foreign), [foreign]).Refusal!.Rule.ShouldBe("application-of-another-programme");
    }

    [Fact]
    public void An_application_decreed_before_is_not_decreed_again()
    {
        var programme = Opened();
        var application = ApplicationAt(ApplicationStatus.Decreed, programme);
        Decide(programme, Batch(application), [application]).Refusal!.Rule.ShouldBe(Application.WrongStage);
    }

    [Theory]
    [InlineData(null, "not known")]
    [InlineData("tidak-aktif", "tidak-aktif")]
    [InlineData("dissolved", "dissolved")]
    public void The_koperasi_an_application_names_must_be_aktif_when_decreed(string? standing, string reason)
    {
        var programme = Opened();
        var cooperativeId = Guid.NewGuid();
        var application = Eligible(programme, cooperativeId: cooperativeId);
        var aktif = new CooperativeReplica
        {
            Id = cooperativeId, Registered = true, Name = new("Koperasi Maju", 1), Activity = new(new CooperativeActivity("aktif", D(2010, 1, 1)), 1),
        };
        var known = standing switch
        {
            null => (CooperativeReplica?)null,
            "dissolved" => aktif with { DissolvedOn = D(2026, 1, 5) },
            _ => aktif with { Activity = new(new CooperativeActivity(standing, D(2010, 1, 1)), 2) },
        };

        var refusal = Decide(programme, Batch(application), [application], new Dictionary<Guid, CooperativeReplica?> { [cooperativeId] = known }).Refusal.ShouldNotBeNull();
        refusal.Rule.ShouldBe("cooperative-not-active");
        refusal.Applications.ShouldHaveSingleItem().Detail.ShouldContain(reason);

        Decide(programme, Batch(application), [application], new Dictionary<Guid, CooperativeReplica?> { [cooperativeId] = aktif }).Refusal.ShouldBeNull();
    }

    [Fact]
    public void A_grant_the_limit_forbids_is_refused_at_the_decree_too()
    {
        var programme = Opened(Opening(rules: DefaultRules with { GrantLimit = GrantLimit.Ever }));
        var application = Eligible(programme);
        var grants = new Dictionary<Guid, IReadOnlyList<GrantHeld>> { [application.ApplicantId] = [new GrantHeld(Guid.NewGuid(), Guid.NewGuid(), 2023)] };
        Decide(programme, Batch(application), [application], grants: grants).Refusal!.Rule.ShouldBe("one-grant-ever");
    }

    [Fact]
    public void A_decree_number_grants_one_batch_and_is_not_dated_in_the_future()
    {
        var programme = Opened();
        var first = Eligible(programme);
        var batch = Batch(first);
        var decreed = Programme.Fold(programme, Decide(programme, batch, [first]).Batch!)!;
        var second = Eligible(programme);

        Decide(decreed, Batch(second) with { DecreeNumber = batch.DecreeNumber.ToUpperInvariant() }, [second], numbersUsed: [batch.DecreeNumber])
            .Refusal!.Rule.ShouldBe("decree-number-already-used");
        Decide(decreed, Batch(second), [second], numbersUsed: [batch.DecreeNumber]).Refusal.ShouldBeNull();
        Decide(decreed, Batch(second) with { DecreeDate = Today.AddDays(1) }, [second]).Refusal!.Rule.ShouldBe("decree-date-in-future");
    }

    [Fact]
    public void A_withdrawn_grant_gives_its_amount_and_place_back()
    {
        var programme = Opened(Opening(budget: 20_000_000, quotas: new Dictionary<string, int> { ["1503"] = 1 }));
        var application = Eligible(programme);
        var outcome = Decide(programme, Batch(application), [application]);
        var decreed = Programme.Fold(programme, outcome.Batch!)!;
        var decreedApplication = Application.Fold(application, outcome.ApplicationEvents[application.Id])!;

        var withdrawn = Programme.Fold(decreed, Accepted(decreed.WithdrawGrant(decreedApplication, "Mengundurkan diri")).Single())!;

        (withdrawn.DecreedRecipients, withdrawn.DecreedAmount, withdrawn.DecreedIn("1503")).ShouldBe((0, 0m, 0));
        var next = Eligible(programme);
        Decide(withdrawn, Batch(next), [next]).Refusal.ShouldBeNull();
    }
}

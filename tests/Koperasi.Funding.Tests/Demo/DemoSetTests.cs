using Koperasi.Funding.Applications;
using Koperasi.Funding.Cooperatives;
using Koperasi.Funding.Demo;
using Koperasi.Funding.Programmes;
using Koperasi.ServiceDefaults.PersonalData;
using Koperasi.ServiceDefaults.Regions;

namespace Koperasi.Funding.Tests.Demo;

/// <summary>
/// The generated set, taken through the same decisions the loader takes it through (no database):
/// every application passes the rules as configured by default, and the decreed grants add up to
/// the published figures.
/// </summary>
public class DemoSetTests
{
    private static readonly Lazy<DemoSet> Set = new(DemoSet.Generate);
    private static readonly Lazy<IReadOnlyList<DecreedGrant>> Grants = new(DecreeAll);

    /// <summary>The defaults of appsettings.json (Programmes:DefaultEligibility).</summary>
    internal static readonly ProgrammeDefaults Defaults = new()
    {
        WomenOnlyCategories = ["mak-mak"],
        AgeRanges = [new ProgrammeDefaults.AgeRangeSetting { Category = "milenial", MinAge = 18, MaxAge = 39 }],
        GrantLimit = "per-year",
        ExcludedOccupations = ["civil-servant", "soldier", "police-officer", "state-company-employee"],
        ExcludeKurDebtors = true,
    };

    [Fact]
    public void Every_application_passes_the_rules_and_is_decreed_in_its_batch() =>
        Grants.Value.Count.ShouldBe(Published.Regencies.Values.Sum());

    [Fact]
    public void The_decreed_grants_add_up_to_the_published_years()
    {
        var byYear = Grants.Value.GroupBy(g => g.ProgrammeYear).ToDictionary(g => g.Key, g => (g.Count(), g.Sum(x => x.Amount)));
        byYear.ShouldBe(Published.Years, ignoreOrder: true);
    }

    [Fact]
    public void The_decreed_grants_of_2022_and_2023_add_up_to_the_published_regencies()
    {
        var byRegency = Grants.Value.Where(g => g.ProgrammeYear is 2022 or 2023).GroupBy(g => g.RegencyCode).ToDictionary(g => g.Key, g => g.Count());
        byRegency.ShouldBe(Published.Regencies, ignoreOrder: true);
    }

    [Fact]
    public void Sarolangun_2022_is_as_published_and_its_2023_follows_the_regency_table()
    {
        var (regency, recipients, amount) = Published.Sarolangun2022;
        var sarolangun = Grants.Value.Where(g => g.RegencyCode == regency).ToList();
        var in2022 = sarolangun.Where(g => g.ProgrammeYear == 2022).ToList();
        (in2022.Count, in2022.Sum(g => g.Amount)).ShouldBe((recipients, amount));
        sarolangun.Count(g => g.ProgrammeYear == 2023).ShouldBe(Published.Regencies[regency] - recipients);
    }

    [Fact]
    public void Grant_amounts_follow_the_categories_of_each_year()
    {
        Grants.Value.Where(g => g.ProgrammeYear == 2022).Select(g => (g.Category, g.Amount)).Distinct().OrderBy(c => c.Category, StringComparer.Ordinal)
            .ShouldBe([("mak-mak", 10_000_000m), ("milenial", 20_000_000m), ("wirausaha-pemula", 20_000_000m)]);
        Grants.Value.Where(g => g.ProgrammeYear == 2023).Select(g => g.Amount).Distinct().ShouldBe([5_000_000m]);
    }

    [Fact]
    public void NIKs_are_well_formed_unique_and_agree_with_each_applicant()
    {
        var requests = Set.Value.Batches.SelectMany(b => b.Applications).Select(a => a.Request).ToList();
        requests.Select(r => r.Nik).ShouldBeUnique();
        foreach (var request in requests)
        {
            Nik.IsNik(request.Nik).ShouldBeTrue();
            var parts = NikStructure.Read(request.Nik, out var problem);
            problem.ShouldBeNull();
            NikStructure.Disagreement(parts!, request.BirthDate, request.Sex).ShouldBeNull();
            request.CooperativeId.ShouldBeNull();
        }
    }

    [Fact]
    public void A_NIK_starts_with_the_Kemendagri_code_of_the_applicant_s_regency_not_its_BPS_code()
    {
        var requests = Set.Value.Batches.SelectMany(b => b.Applications).Select(a => a.Request).ToList();

        // 1507 (Tanjung Jabung Barat) is 15.06 in Kemendagri's codes, the ones a NIK starts with.
        requests.Where(r => r.Address.RegencyCode == "1507").ShouldNotBeEmpty();
        requests.ShouldAllBe(r => Regencies.OfNikPrefix(r.Nik)!.Code == r.Address.RegencyCode);
        requests.Where(r => r.Address.RegencyCode == "1507").ShouldAllBe(r => r.Nik.StartsWith("1506", StringComparison.Ordinal));
    }

    [Fact]
    public void Decree_numbers_are_unique_and_every_step_comes_before_its_decree_or_after_it_in_order()
    {
        Set.Value.Batches.Select(b => b.DecreeNumber).ShouldBeUnique();
        foreach (var batch in Set.Value.Batches)
        {
            foreach (var steps in batch.Applications.Select(a => a.Steps))
            {
                steps.FoundEligibleOn.ShouldBeLessThan(batch.DecreedOn);
                if (steps.DisbursedOn is { } disbursedOn)
                {
                    steps.DisbursementRequestedOn!.Value.ShouldBeGreaterThan(batch.DecreedOn);
                    disbursedOn.ShouldBeGreaterThanOrEqualTo(steps.DisbursementRequestedOn.Value);
                }
            }
        }
    }

    [Fact]
    public void The_set_is_the_same_on_every_generation()
    {
        var again = DemoSet.Generate();
        again.Batches.SelectMany(b => b.Applications).Select(a => a.Request.Nik)
            .ShouldBe(Set.Value.Batches.SelectMany(b => b.Applications).Select(a => a.Request.Nik));
        again.Batches.Select(b => b.DecreeNumber).ShouldBe(Set.Value.Batches.Select(b => b.DecreeNumber));
    }

    [Fact]
    public void Figures_that_contradict_each_other_stop_the_generation_naming_them()
    {
        var grants = DemoGrants.Load();
        var y2023 = grants.Programmes.Single(p => p.Year == 2023);
        var sarolangun2023 = new DemoGrants.RegencyFigures("1503", 331, 1_650_000_000m);
        var contradicted = grants with
        {
            Programmes = [.. grants.Programmes.Select(p => p == y2023 ? p with { Published = p.Published! with { Regencies = [sarolangun2023] } } : p)],
        };

        Should.Throw<InvalidOperationException>(() => DemoAllocation.Allocate(contradicted)).Message.ShouldContain("1503");
    }

    [Fact]
    public void A_year_whose_rupiah_the_grant_amounts_cannot_make_stops_the_generation()
    {
        var grants = DemoGrants.Load();
        var unreachable = grants with
        {
            Programmes = [.. grants.Programmes.Select(p => p.Year == 2022 ? p with { Published = p.Published! with { Amount = 19_335_000_000m } } : p)],
        };

        Should.Throw<InvalidOperationException>(() => DemoAllocation.Allocate(unreachable)).Message.ShouldContain("19,335,000,000");
    }

    [Fact]
    public void Apportioning_gives_exact_totals_largest_remainders_first() =>
        DemoAllocation.Apportion(10, new Dictionary<string, double> { ["a"] = 1, ["b"] = 1, ["c"] = 1 })
            .ShouldBe(new Dictionary<string, int> { ["a"] = 4, ["b"] = 3, ["c"] = 3 }, ignoreOrder: true);

    /// <summary>What the loader does, batch by batch, without the store.</summary>
    private static List<DecreedGrant> DecreeAll()
    {
        var programmes = Set.Value.Programmes.ToDictionary(
            p => p.Year,
            p => Programme.Fold(null, Programme.Open(OpenProgramme.ToCommand(p, Guid.NewGuid(), Defaults)).Events.Single())!);
        var grants = new List<DecreedGrant>();
        foreach (var batch in Set.Value.Batches)
        {
            var programme = programmes[batch.Year];
            var histories = batch.Applications.Select(a =>
            {
                var (history, refusal) = DemoHistory.UpToEligibility(a, programme);
                refusal.ShouldBeNull($"{a.Request.Name} ({batch.DecreeNumber}): {refusal?.Detail}");
                return history!;
            }).ToList();
            var outcome = programme.IssueDecreeBatch(
                new IssueDecreeBatch(Guid.NewGuid(), batch.DecreeNumber, batch.DecreedOn, [.. histories.Select(h => h.Command.ApplicationId)]),
                histories.ToDictionary(h => h.Command.ApplicationId, h => h.State),
                new Dictionary<Guid, CooperativeReplica?>(),
                new Dictionary<Guid, IReadOnlyList<GrantHeld>>(),
                [],
                batch.DecreedOn);
            outcome.Refusal.ShouldBeNull(outcome.Refusal?.Detail);
            programmes[batch.Year] = Programme.Fold(programme, outcome.Batch!)!;
            foreach (var history in histories)
            {
                history.Decreed(outcome.ApplicationEvents[history.Command.ApplicationId]);
                var awarded = history.Events.OfType<GrantAwarded>().Single();
                var application = history.State.ShouldNotBeNull();
                grants.Add(new DecreedGrant(application.ProgrammeYear, application.RegencyCode, application.Category, awarded.Amount));
            }
        }

        return grants;
    }

    /// <summary>A decreed grant with what its application was submitted with.</summary>
    private sealed record DecreedGrant(int ProgrammeYear, string RegencyCode, string Category, decimal Amount);
}

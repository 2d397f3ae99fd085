using System.Text.Json;
using Koperasi.Registry.Activity;
using Koperasi.Registry.Cooperatives;
using Koperasi.Registry.Demo;
using Koperasi.Registry.Statistics;
using static Koperasi.Registry.Tests.Domain.Registrations;

namespace Koperasi.Registry.Tests.Demo;

public class DemoDataTests
{
    private static readonly DateOnly PublishedOn = D(2025, 8, 29);
    private static readonly DateOnly Today = D(2026, 11, 22);
    private static readonly Lazy<IReadOnlyList<Register.Request>> Set = new(DemoData.Generate);

    /// <summary>published-figures.md, "Cooperatives by regency and activity, 29 August 2025".</summary>
    public static readonly IReadOnlyDictionary<string, (int Aktif, int TidakAktif)> Published = new Dictionary<string, (int, int)>
    {
        ["1501"] = (464, 62),
        ["1502"] = (309, 218),
        ["1503"] = (414, 33),
        ["1504"] = (233, 225),
        ["1505"] = (302, 216),
        ["1506"] = (144, 190),
        ["1507"] = (308, 80),
        ["1508"] = (279, 191),
        ["1509"] = (400, 7),
        ["1571"] = (308, 470),
        ["1572"] = (165, 35),
    };

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static IReadOnlyList<Register.Request> Cooperatives => Set.Value;

    [Fact]
    public void It_holds_one_valid_registration_for_each_published_koperasi()
    {
        Cooperatives.Count.ShouldBe(5053);
        foreach (var request in Cooperatives)
        {
            var validation = Register.Validate(request);
            validation.IsValid.ShouldBeTrue($"{request.Name}: {string.Join("; ", validation.Errors.SelectMany(e => e.Value))}");
            var decision = Cooperative.Register(Register.ToCommand(request, Guid.NewGuid()), Today, Policy);
            decision.Error.ShouldBeNull($"{request.Name} ({request.LegalEntity.DecreeNumber}): {decision.Error?.Detail}");
        }
    }

    [Fact]
    public void Decree_numbers_NIBs_and_NIK_koperasi_are_unique()
    {
        Cooperatives.Select(c => DecreeNumberClaim.Normalize(c.LegalEntity.DecreeNumber)).ShouldBeUnique();
        Cooperatives.Where(c => c.Nib is not null).Select(c => c.Nib).ShouldBeUnique();
        Cooperatives.Where(c => c.NikKoperasi is not null).Select(c => c.NikKoperasi!.Number).ShouldBeUnique();
    }

    [Fact]
    public void Nothing_is_dated_after_the_published_day_except_the_RATs_held_since()
    {
        Cooperatives.Max(c => c.LegalEntity.DecreeDate).ShouldBeLessThanOrEqualTo(PublishedOn);
        Cooperatives.Max(c => c.NikKoperasi?.IssuedOn ?? DateOnly.MinValue).ShouldBeLessThanOrEqualTo(PublishedOn);
        Cooperatives.SelectMany(c => c.RatHistory ?? []).Max(r => r.HeldOn).ShouldBeLessThan(Today);
    }

    [Theory]
    [InlineData("2025-08-29")]
    [InlineData("2025-12-31")]
    [InlineData("2026-06-30")]
    [InlineData("2026-07-01")]
    [InlineData("2026-11-22")]
    [InlineData("2027-06-30")]
    public void The_activity_rule_gives_the_published_table(string day)
    {
        var on = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        var table = Cooperatives
            .GroupBy(c => c.Address.RegencyCode)
            .ToDictionary(g => g.Key, g => (
                Aktif: g.Count(c => StatusOn(c, on) == ActivityStatus.Aktif),
                TidakAktif: g.Count(c => StatusOn(c, on) == ActivityStatus.TidakAktif)));

        table.OrderBy(r => r.Key).ShouldBe(Published.OrderBy(r => r.Key));
    }

    /// <summary>
    /// The early warning has work on the demo: in every regency a few koperasi become tidak aktif at
    /// the deadline of 1 July 2027 (their last RAT that of 2023); every other koperasi keeps its
    /// activity of the published day until mid-2028.
    /// </summary>
    [Fact]
    public void Only_the_koperasi_at_risk_change_activity_before_mid_2028_and_at_the_2027_deadline()
    {
        var deadline = Policy.DeadlineOf(2026);
        var atRisk = new List<Register.Request>();
        foreach (var c in Cooperatives)
        {
            var history = ActivityRule.History(c.LegalEntity.DecreeDate, Rats(c), D(2028, 6, 30), Policy);
            if (history[^1].From > PublishedOn)
            {
                history[^1].ShouldBe(new ActivityPeriod(deadline, ActivityStatus.TidakAktif), $"{c.Name} changes activity on {history[^1].From}");
                history[^2].From.ShouldBeLessThanOrEqualTo(PublishedOn, $"{c.Name} changes activity twice after the published day");
                atRisk.Add(c);
            }
        }

        atRisk.Select(c => c.Address.RegencyCode).Distinct().Order(StringComparer.Ordinal).ShouldBe(Published.Keys.Order(StringComparer.Ordinal));
        atRisk.ShouldAllBe(c => c.NikKoperasi == null && c.RatHistory!.Max(r => r.FinancialYear) == 2023);
    }

    [Fact]
    public void The_early_warning_list_of_every_regency_is_not_empty_today()
    {
        var koperasi = Cooperatives.Select(request =>
        {
            var id = Guid.NewGuid();
            return Cooperative.Register(Register.ToCommand(request, id), Today, Policy).Events.Aggregate((Cooperative?)null, Cooperative.Fold)!;
        }).ToList();

        foreach (var regency in Published.Keys)
        {
            var atRisk = Koperasi.Registry.Supervision.EarlyWarning.AtRiskInRegency(koperasi, regency, Today, Policy);
            atRisk.ShouldNotBeEmpty($"regency {regency}");
            atRisk.ShouldAllBe(k => k.BecomesTidakAktifOn == D(2027, 7, 1) && k.LastRatYear == 2023 && k.YearsMissed.SequenceEqual(new[] { 2024, 2025 }));
        }
    }

    [Fact]
    public void The_statistics_of_the_registration_events_give_the_published_table_on_that_day_and_today()
    {
        var deltas = new List<StatisticsDelta>();
        foreach (var request in Cooperatives)
        {
            var id = Guid.NewGuid();
            var timeline = StatisticsTimeline.Empty(id);
            foreach (var e in Cooperative.Register(Register.ToCommand(request, id), Today, Policy).Events)
            {
                var next = timeline.Apply(e);
                deltas.AddRange(StatisticsTimeline.Diff(timeline, next));
                timeline = next;
            }
        }

        foreach (var day in new[] { PublishedOn, Today })
        {
            var table = deltas.Where(d => d.Day <= day)
                .GroupBy(d => d.Cell.RegencyCode)
                .ToDictionary(g => g.Key, g => (
                    Aktif: g.Where(d => d.Cell.Activity == ActivityStatus.Aktif).Sum(d => d.Change),
                    TidakAktif: g.Where(d => d.Cell.Activity == ActivityStatus.TidakAktif).Sum(d => d.Change)));
            table.OrderBy(r => r.Key).ShouldBe(Published.OrderBy(r => r.Key), $"on {day}");
        }
    }

    [Fact]
    public void It_reproduces_the_other_published_figures()
    {
        Cooperatives.Count(c => c.NikKoperasi is not null).ShouldBe(629);

        var provincial = Cooperatives.Where(c => c.SupervisionLevel == SupervisionLevel.Provinsi).ToList();
        provincial.Count.ShouldBe(232);
        provincial.Count(c => StatusOn(c, PublishedOn) == ActivityStatus.Aktif).ShouldBe(216);
        provincial.Count(c => StatusOn(c, PublishedOn) == ActivityStatus.TidakAktif).ShouldBe(16);
        var merahPutih = provincial.Where(c => c.Name.StartsWith("Koperasi Desa Merah Putih", StringComparison.Ordinal)).ShouldHaveSingleItem();
        merahPutih.Type.ShouldBe(CooperativeType.Konsumen);
        var types = provincial.Except([merahPutih]).GroupBy(c => c.Type).ToDictionary(g => g.Key, g => g.Count());
        types.ShouldBe(new Dictionary<CooperativeType, int>
        {
            [CooperativeType.Jasa] = 65,
            [CooperativeType.Konsumen] = 77,
            [CooperativeType.SimpanPinjam] = 26,
            [CooperativeType.Pemasaran] = 10,
            [CooperativeType.Produsen] = 53,
        }, ignoreOrder: true);

        Cooperatives.Count(c => c.Type == CooperativeType.Produsen).ShouldBe(1318);
    }

    [Fact]
    public void The_targets_carry_the_earlier_published_figures()
    {
        var targets = DemoTargets.Load();
        targets.Earlier.Select(e => (e.AsOf, e.Total, e.TidakAktif, e.Members, Types: string.Join(",", e.Types.Select(t => $"{KebabName(t.Type)}={t.Count}").Order())))
            .ShouldBe(PublishedFigures.EarlierSnapshots().Select(p => (p.AsOf, p.Registered, p.TidakAktif, p.Members, Types: string.Join(",", p.Types.Select(t => $"{t.Key}={t.Value}").Order()))));
    }

    [Fact]
    public void The_activity_rule_gives_the_earlier_published_figures_from_the_dates_and_RATs()
    {
        foreach (var published in PublishedFigures.EarlierSnapshots())
        {
            var registered = Cooperatives.Where(c => c.LegalEntity.DecreeDate <= published.AsOf).ToList();
            registered.Count.ShouldBe(published.Registered, $"registered on {published.AsOf}");
            registered.Count(c => StatusOn(c, published.AsOf) == ActivityStatus.TidakAktif).ShouldBe(published.TidakAktif, $"tidak aktif on {published.AsOf}");
            foreach (var (type, count) in published.Types)
            {
                registered.Count(c => KebabName(c.Type) == type).ShouldBe(count, $"{type} on {published.AsOf}");
            }

            if (published.Members is { } members)
            {
                // The register's member count of each koperasi registered by then (RATs recorded with the registration do not change it).
                registered.Sum(c => (long)c.MemberCount).ShouldBe(members, $"members on {published.AsOf}");
            }
        }
    }

    [Fact]
    public void The_statistics_of_the_registration_events_give_the_earlier_published_figures()
    {
        var deltas = new List<StatisticsDelta>();
        foreach (var request in Cooperatives)
        {
            var id = Guid.NewGuid();
            var timeline = StatisticsTimeline.Empty(id);
            foreach (var e in Cooperative.Register(Register.ToCommand(request, id), Today, Policy).Events)
            {
                var next = timeline.Apply(e);
                deltas.AddRange(StatisticsTimeline.Diff(timeline, next));
                timeline = next;
            }
        }

        foreach (var published in PublishedFigures.EarlierSnapshots())
        {
            var on = deltas.Where(d => d.Day <= published.AsOf).ToList();
            on.Sum(d => d.Change).ShouldBe(published.Registered, $"registered on {published.AsOf}");
            on.Where(d => d.Cell.Activity == ActivityStatus.Aktif).Sum(d => d.Change).ShouldBe(published.Aktif, $"aktif on {published.AsOf}");
            on.Where(d => d.Cell.Activity == ActivityStatus.TidakAktif).Sum(d => d.Change).ShouldBe(published.TidakAktif, $"tidak aktif on {published.AsOf}");
            foreach (var (type, count) in published.Types)
            {
                on.Where(d => KebabName(d.Cell.Type) == type).Sum(d => d.Change).ShouldBe(count, $"{type} on {published.AsOf}");
            }
        }
    }

    [Fact]
    public void Koperasi_of_today_went_through_every_change_of_activity_between_the_published_days()
    {
        // Not published figures: the set is not a mere split, some koperasi stopped and some were revived in between.
        var (first, second) = (PublishedFigures.EarlierSnapshots()[0].AsOf, PublishedFigures.EarlierSnapshots()[1].AsOf);
        var paths = Cooperatives.Where(c => c.LegalEntity.DecreeDate <= first)
            .GroupBy(c => (StatusOn(c, first), StatusOn(c, second), StatusOn(c, PublishedOn)))
            .ToDictionary(g => g.Key, g => g.Count());
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join("; ", paths.OrderBy(p => p.Key.ToString()).Select(p => $"{p.Key}: {p.Value}")));
        paths.Count.ShouldBe(8, string.Join("; ", paths.Select(p => $"{p.Key}: {p.Value}")));

        // Some KDMP of 2025 are older koperasi that joined the programme, many after years without RAT.
        var kdmp = DemoData.GenerateSet(DemoTargets.Load()).Where(c => c.Kdmp is not null).ToList();
        kdmp.Count(c => c.Request.LegalEntity.DecreeDate <= second).ShouldBeGreaterThan(0);
        kdmp.Count(c => c.Request.LegalEntity.DecreeDate <= first && StatusOn(c.Request, second) == ActivityStatus.TidakAktif).ShouldBeGreaterThan(0);
        TestContext.Current.TestOutputHelper?.WriteLine($"KDMP registered by {second}: {kdmp.Count(c => c.Request.LegalEntity.DecreeDate <= second)} of {kdmp.Count}");
    }

    [Fact]
    public void Enough_koperasi_of_today_could_have_been_the_files_held_back_from_the_2018_batch()
    {
        // A legal entity before 2018 whose latest RAT year (or decree year, without RAT) is 2014 or earlier: tidak aktif today.
        var (proposed, approved, _) = PublishedFigures.DissolutionBatch2018();
        var candidates = Cooperatives.Where(c => c.LegalEntity.DecreeDate.Year < 2018
            && ((c.RatHistory ?? []).Select(r => (int?)r.FinancialYear).Max() ?? c.LegalEntity.DecreeDate.Year) <= 2014).ToList();
        candidates.ShouldAllBe(c => StatusOn(c, PublishedOn) == ActivityStatus.TidakAktif);
        TestContext.Current.TestOutputHelper?.WriteLine($"{candidates.Count} candidates: " + string.Join(", ", candidates.GroupBy(c => c.Address.RegencyCode).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}")));
        candidates.Count.ShouldBeGreaterThanOrEqualTo(proposed - approved);
    }

    [Fact]
    public void It_is_varied_like_a_real_register()
    {
        var rats = Cooperatives.SelectMany(c => c.RatHistory ?? []).ToList();
        Cooperatives.Min(c => c.LegalEntity.DecreeDate.Year).ShouldBeLessThan(1980);
        Enum.GetValues<CooperativeType>().ShouldAllBe(t => Cooperatives.Count(c => c.Type == t) > 50);
        Cooperatives.Count(c => c.Form == CooperativeForm.Sekunder).ShouldBeGreaterThan(50);
        Cooperatives.Count(c => c.SupervisionLevel == SupervisionLevel.Nasional).ShouldBeInRange(3, 20);
        Cooperatives.Count(c => c.Syariah).ShouldBeGreaterThan(30);
        Cooperatives.Count(c => c.MultiPihak).ShouldBeGreaterThan(10);
        Cooperatives.Count(c => c.SavingsLoanScheme == SavingsLoanScheme.OpenLoop).ShouldBeGreaterThan(10);
        Cooperatives.Count(c => c.Nib is not null).ShouldBeGreaterThan(500);
        Cooperatives.Select(c => (c.Address.RegencyCode, c.Address.Kecamatan)).Distinct().Count().ShouldBeGreaterThan(120);
        rats.Count(r => r.HeldOn >= Policy.DeadlineOf(r.FinancialYear)).ShouldBeGreaterThan(rats.Count / 20);
        rats.Count(r => r.Mode == RatMode.Online).ShouldBeGreaterThan(1000);
        rats.Count(r => r.Assets is not null).ShouldBeGreaterThan(rats.Count / 3);
        // Gaps that did not break activity, and koperasi revived after years without RAT.
        Cooperatives.Count(c => ActivityRule.History(c.LegalEntity.DecreeDate, Rats(c), PublishedOn, Policy).Count >= 3).ShouldBeGreaterThan(200);
    }

    [Fact]
    public void It_is_the_same_set_every_time()
    {
        JsonSerializer.Serialize(DemoData.Generate(), Json).ShouldBe(JsonSerializer.Serialize(Cooperatives, Json));
    }

    private static string KebabName(CooperativeType type) => Koperasi.ServiceDefaults.Http.KebabEnum.Name(type);

    private static ActivityStatus StatusOn(Register.Request c, DateOnly day) => ActivityRule.StatusOn(day, c.LegalEntity.DecreeDate, Rats(c), Policy);

    private static List<RatRecord> Rats(Register.Request c) =>
        [.. (c.RatHistory ?? []).Select(r => new RatRecord(r.FinancialYear, r.HeldOn, r.MembersPresent, r.MembersTotal, r.Mode, false, r.Assets, r.BusinessVolume, r.Surplus))];
}

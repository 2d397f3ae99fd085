using Koperasi.Registry.Activity;
using Koperasi.Registry.Cooperatives;
using Koperasi.Registry.Demo;
using Koperasi.Registry.Statistics;
using static Koperasi.Registry.Tests.Domain.Registrations;

namespace Koperasi.Registry.Tests.Demo;

/// <summary>
/// The koperasi of the 2018 dissolution batch the ministry approved: registered in addition to the
/// register of 29 August 2025 (they are gone from it), each one a koperasi that existed and had held
/// no RAT for years when the province proposed it.
/// </summary>
public class DemoDissolution2018Tests
{
    private static readonly DateOnly PublishedOn = D(2025, 8, 29);
    private static readonly DateOnly Today = D(2026, 11, 22);
    private static readonly Lazy<IReadOnlyList<Register.Request>> Set = new(DemoData.Dissolved2018);

    private static IReadOnlyList<Register.Request> Dissolved => Set.Value;

    [Fact]
    public void The_approved_koperasi_of_each_regency_are_as_published()
    {
        var (proposed, approved, byRegency) = PublishedFigures.DissolutionBatch2018();

        Dissolved.Count.ShouldBe(approved);
        var generated = Dissolved.GroupBy(c => c.Address.RegencyCode).ToDictionary(g => g.Key, g => g.Count());
        foreach (var (code, count) in byRegency)
        {
            generated.GetValueOrDefault(code).ShouldBe(count, $"regency {code}");
        }

        generated.Keys.ShouldBeSubsetOf(byRegency.Keys);
        DemoDissolution2018.Load().Proposed.ShouldBe(proposed);
    }

    [Fact]
    public void Each_existed_before_2018_without_a_RAT_for_the_rule_s_years_and_registers_validly()
    {
        var proposedFrom = DemoDissolution2018.ProposedFrom;
        var lastDue = Policy.LatestDueYear(proposedFrom);
        foreach (var request in Dissolved)
        {
            request.LegalEntity.DecreeDate.ShouldBeLessThan(proposedFrom, request.Name);
            var lastRat = request.RatHistory?.Max(r => (int?)r.FinancialYear);
            if (lastRat is { } year)
            {
                (lastDue - year).ShouldBeGreaterThanOrEqualTo(Policy.YearsWithoutRat, $"{request.Name}: last RAT {year}");
            }

            (request.RatHistory ?? []).ShouldAllBe(r => r.HeldOn < proposedFrom);
            ActivityRule.StatusOn(proposedFrom, request.LegalEntity.DecreeDate, Rats(request), Policy).ShouldBe(ActivityStatus.TidakAktif, request.Name);

            var validation = Register.Validate(request);
            validation.IsValid.ShouldBeTrue($"{request.Name}: {string.Join("; ", validation.Errors.SelectMany(e => e.Value))}");
            var decision = Cooperative.Register(Register.ToCommand(request, Guid.NewGuid()), Today, Policy);
            decision.Error.ShouldBeNull($"{request.Name} ({request.LegalEntity.DecreeNumber}): {decision.Error?.Detail}");
        }
    }

    [Fact]
    public void Their_identifiers_are_unique_with_the_register_s()
    {
        var all = DemoData.Generate().Concat(Dissolved).ToList();
        all.Select(c => DecreeNumberClaim.Normalize(c.LegalEntity.DecreeNumber)).ShouldBeUnique();
        all.Where(c => c.Nib is not null).Select(c => c.Nib).ShouldBeUnique();
        Dissolved.ShouldAllBe(c => c.NikKoperasi == null);
    }

    [Fact]
    public void They_are_registered_under_the_ids_the_Transformation_s_demo_finds_them_by()
    {
        var identified = DemoDissolution2018.Identified(Dissolved);
        identified.Select(i => i.Request).ShouldBe(Dissolved);
        identified.Select(i => i.Id).ShouldBeUnique();
        foreach (var regency in identified.GroupBy(i => i.Request.Address.RegencyCode))
        {
            regency.Select(i => i.Id).ShouldBe(regency.Select((_, n) => Koperasi.Demo.DemoBatch2018Ids.CooperativeId(regency.Key, n)));
        }
    }

    [Fact]
    public void Adding_them_leaves_the_register_as_it_was()
    {
        DemoData.Dissolved2018().Select(c => c.LegalEntity.DecreeNumber).ShouldBe(Dissolved.Select(c => c.LegalEntity.DecreeNumber));
        DemoData.Generate().Count.ShouldBe(DemoTargets.Load().Total);
    }

    [Fact]
    public void Once_dissolved_in_2019_the_statistics_of_29_August_2025_are_the_published_table_again()
    {
        var deltas = new List<StatisticsDelta>();
        void Count(Register.Request request, DateOnly? dissolvedOn)
        {
            var id = Guid.NewGuid();
            var timeline = StatisticsTimeline.Empty(id);
            IEnumerable<object> events = Cooperative.Register(Register.ToCommand(request, id), Today, Policy).Events;
            if (dissolvedOn is { } on)
            {
                events = events.Append(new DissolutionRecorded(id, DissolutionReason.Government, on, null, Guid.NewGuid(), WithoutLiquidation: false));
            }

            foreach (var e in events)
            {
                var next = timeline.Apply(e);
                deltas.AddRange(StatisticsTimeline.Diff(timeline, next));
                timeline = next;
            }
        }

        foreach (var request in DemoData.Generate())
        {
            Count(request, null);
        }

        foreach (var request in Dissolved)
        {
            Count(request, D(2019, 6, 28));
        }

        var table = deltas.Where(d => d.Day <= PublishedOn && d.Cell.LegalStatus != LegalStatus.Dissolved)
            .GroupBy(d => d.Cell.RegencyCode)
            .ToDictionary(g => g.Key, g => (
                Aktif: g.Where(d => d.Cell.Activity == ActivityStatus.Aktif).Sum(d => d.Change),
                TidakAktif: g.Where(d => d.Cell.Activity == ActivityStatus.TidakAktif).Sum(d => d.Change)));
        table.OrderBy(r => r.Key).ShouldBe(DemoDataTests.Published.OrderBy(r => r.Key));

        // Before their dissolution they were counted: the table of 2018 holds them.
        deltas.Where(d => d.Day <= D(2018, 12, 31) && d.Cell.LegalStatus != LegalStatus.Dissolved).Sum(d => d.Change).ShouldBe(
            DemoData.Generate().Count(c => c.LegalEntity.DecreeDate <= D(2018, 12, 31)) + Dissolved.Count);
    }

    private static List<RatRecord> Rats(Register.Request c) =>
        [.. (c.RatHistory ?? []).Select(r => new RatRecord(r.FinancialYear, r.HeldOn, r.MembersPresent, r.MembersTotal, r.Mode, false, r.Assets, r.BusinessVolume, r.Surplus))];
}

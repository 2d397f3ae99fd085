using Koperasi.Registry.Cooperatives;
using Koperasi.Registry.Statistics;
using static Koperasi.Registry.Tests.Domain.Registrations;

namespace Koperasi.Registry.Tests.Domain;

public class StatisticsTimelineTests
{
    private static readonly Guid Id = Guid.NewGuid();

    private static RegistrationRecorded Registration(DateOnly decreeDate) =>
        (RegistrationRecorded)Accepted(Cooperative.Register(Primer(decreeDate) with { CooperativeId = Id }, D(2026, 11, 22), Policy))[0];

    private static int CountOn(IEnumerable<StatisticsDelta> deltas, DateOnly day, ActivityStatus activity) =>
        deltas.Where(d => d.Day <= day && d.Cell.Activity == activity).Sum(d => d.Change);

    private static List<StatisticsDelta> Play(params object[] events)
    {
        var deltas = new List<StatisticsDelta>();
        var timeline = StatisticsTimeline.Empty(Id);
        foreach (var e in events)
        {
            var next = timeline.Apply(e);
            deltas.AddRange(StatisticsTimeline.Diff(timeline, next));
            timeline = next;
        }

        return deltas;
    }

    [Fact]
    public void A_koperasi_counts_from_its_decree_date_not_from_the_day_it_was_recorded()
    {
        var deltas = Play(Registration(D(2010, 5, 4)));
        CountOn(deltas, D(2010, 5, 3), ActivityStatus.Aktif).ShouldBe(0);
        CountOn(deltas, D(2010, 5, 4), ActivityStatus.Aktif).ShouldBe(1);
        deltas.ShouldHaveSingleItem().Cell.RegencyCode.ShouldBe("1571");
    }

    [Fact]
    public void An_activity_change_moves_it_between_cells_on_its_effective_date()
    {
        var deltas = Play(
            Registration(D(2010, 5, 4)),
            new ActivityChanged(Id, ActivityStatus.Aktif, ActivityStatus.TidakAktif, D(2014, 7, 1), "test"));
        CountOn(deltas, D(2014, 6, 30), ActivityStatus.Aktif).ShouldBe(1);
        CountOn(deltas, D(2014, 7, 1), ActivityStatus.Aktif).ShouldBe(0);
        CountOn(deltas, D(2014, 7, 1), ActivityStatus.TidakAktif).ShouldBe(1);
    }

    [Fact]
    public void A_revised_history_corrects_the_past_counts()
    {
        var deltas = Play(
            Registration(D(2010, 5, 4)),
            new ActivityChanged(Id, ActivityStatus.Aktif, ActivityStatus.TidakAktif, D(2014, 7, 1), "test"),
            new ActivityHistoryRevised(Id, [new(D(2010, 5, 4), ActivityStatus.Aktif), new(D(2016, 7, 1), ActivityStatus.TidakAktif)], "test"));
        CountOn(deltas, D(2015, 1, 1), ActivityStatus.Aktif).ShouldBe(1);
        CountOn(deltas, D(2015, 1, 1), ActivityStatus.TidakAktif).ShouldBe(0);
        CountOn(deltas, D(2016, 7, 1), ActivityStatus.TidakAktif).ShouldBe(1);
    }

    [Fact]
    public void Events_that_do_not_classify_change_nothing()
    {
        var registered = Registration(D(2010, 5, 4));
        Play(registered, new RatRecorded(Id, 2011, D(2012, 3, 1), 10, 20, RatMode.Online, false, null, null, null)).Count.ShouldBe(1);
    }

    private static int CountIn(IEnumerable<StatisticsDelta> deltas, DateOnly day, string regency) =>
        deltas.Where(d => d.Day <= day && d.Cell.RegencyCode == regency).Sum(d => d.Change);

    [Fact]
    public void A_dissolution_ends_the_count_from_its_effective_date()
    {
        var deltas = Play(
            Registration(D(2010, 5, 4)),
            new ActivityChanged(Id, ActivityStatus.Aktif, ActivityStatus.TidakAktif, D(2014, 7, 1), "test"),
            new DissolutionRecorded(Id, DissolutionReason.Merger, D(2026, 10, 15), Guid.NewGuid(), Guid.NewGuid(), true));

        CountOn(deltas, D(2026, 10, 14), ActivityStatus.TidakAktif).ShouldBe(1);
        CountOn(deltas, D(2026, 10, 15), ActivityStatus.TidakAktif).ShouldBe(0);
        CountOn(deltas, D(2026, 10, 15), ActivityStatus.Aktif).ShouldBe(0);
        CountOn(deltas, D(2012, 1, 1), ActivityStatus.Aktif).ShouldBe(1);
    }

    [Fact]
    public void An_amendment_moving_the_domicile_or_changing_type_moves_the_count_from_its_effective_date()
    {
        var kerinci = new Address("Jl. Diponegoro 3", null, "Sitinjau Laut", "1501", null);
        var deltas = Play(
            Registration(D(2010, 5, 4)),
            new ArticlesAmended(Id, 2, D(2020, 2, 1), new ArticlesChange(Domicile: kerinci, Type: CooperativeType.Jasa), Cases.Deed, Cases.Ratified, null));

        (CountIn(deltas, D(2020, 1, 31), "1571"), CountIn(deltas, D(2020, 1, 31), "1501")).ShouldBe((1, 0));
        (CountIn(deltas, D(2020, 2, 1), "1571"), CountIn(deltas, D(2020, 2, 1), "1501")).ShouldBe((0, 1));
        deltas.Where(d => d.Day <= D(2020, 2, 1) && d.Cell.Type == CooperativeType.Jasa).Sum(d => d.Change).ShouldBe(1);
        deltas.Where(d => d.Day <= D(2020, 2, 1) && d.Cell.Type == CooperativeType.Konsumen).Sum(d => d.Change).ShouldBe(0);
    }

    [Fact]
    public void An_amendment_of_the_name_alone_changes_no_count()
    {
        Play(Registration(D(2010, 5, 4)), new ArticlesAmended(Id, 2, D(2020, 2, 1), new ArticlesChange(Name: "Koperasi Baru"), Cases.Deed, Cases.Ratified, null))
            .Count.ShouldBe(1);
    }

    [Fact]
    public void A_koperasi_founded_by_amalgamation_counts_from_its_decree_date()
    {
        var founded = Registration(D(2026, 10, 15)) with { PredecessorIds = [Guid.NewGuid(), Guid.NewGuid()], CaseId = Guid.NewGuid() };
        var deltas = Play(founded);

        CountOn(deltas, D(2026, 10, 14), ActivityStatus.Aktif).ShouldBe(0);
        CountOn(deltas, D(2026, 10, 15), ActivityStatus.Aktif).ShouldBe(1);
    }
}

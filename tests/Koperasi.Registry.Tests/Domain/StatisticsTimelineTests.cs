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
        deltas.Where(d => d.Day <= day && d.Cell.Activity == activity && d.Cell.LegalStatus != LegalStatus.Dissolved).Sum(d => d.Change);

    private static int CountOn(IEnumerable<StatisticsDelta> deltas, DateOnly day, Func<StatisticsCell, bool> cell) =>
        deltas.Where(d => d.Day <= day && cell(d.Cell)).Sum(d => d.Change);

    private static long MembersOn(IEnumerable<StatisticsDelta> deltas, DateOnly day) =>
        deltas.Where(d => d.Day <= day && d.Cell.LegalStatus != LegalStatus.Dissolved).Sum(d => d.Members);

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
        CountOn(deltas, D(2026, 10, 15), c => c.LegalStatus == LegalStatus.Dissolved && c.Activity == ActivityStatus.TidakAktif).ShouldBe(1);
        CountOn(deltas, D(2026, 10, 14), c => c.LegalStatus == LegalStatus.Dissolved).ShouldBe(0);
    }

    [Fact]
    public void The_legal_status_moves_on_the_dates_of_the_case()
    {
        var caseId = Guid.NewGuid();
        var deltas = Play(
            Registration(D(2010, 5, 4)),
            new DissolutionProposed(Id, caseId, DissolutionReason.Government, D(2024, 1, 10), 1),
            new LiquidationStarted(Id, caseId, DissolutionReason.Government, D(2024, 9, 1), "123/KEP/2024", 5),
            new DissolutionRecorded(Id, DissolutionReason.Government, D(2025, 3, 1), null, caseId, false));

        LegalStatus? On(DateOnly day) =>
            Enum.GetValues<LegalStatus>().Where(s => CountOn(deltas, day, c => c.LegalStatus == s) == 1).Cast<LegalStatus?>().SingleOrDefault();

        On(D(2024, 1, 9)).ShouldBe(LegalStatus.Existing);
        On(D(2024, 1, 10)).ShouldBe(LegalStatus.Dissolving);
        On(D(2024, 9, 1)).ShouldBe(LegalStatus.InLiquidation);
        On(D(2025, 3, 1)).ShouldBe(LegalStatus.Dissolved);
        On(D(2009, 1, 1)).ShouldBeNull();
    }

    [Fact]
    public void A_closed_case_makes_it_existing_again_from_the_day_it_closed()
    {
        var caseId = Guid.NewGuid();
        var deltas = Play(
            Registration(D(2010, 5, 4)),
            new DissolutionProposed(Id, caseId, DissolutionReason.Government, D(2024, 1, 10), 1),
            new DissolutionCaseEnded(Id, caseId, "withdrawn", "revived", D(2024, 6, 1), 3));

        CountOn(deltas, D(2024, 5, 31), c => c.LegalStatus == LegalStatus.Dissolving).ShouldBe(1);
        CountOn(deltas, D(2024, 6, 1), c => c.LegalStatus == LegalStatus.Dissolving).ShouldBe(0);
        CountOn(deltas, D(2024, 6, 1), c => c.LegalStatus == LegalStatus.Existing).ShouldBe(1);
    }

    [Fact]
    public void Members_are_the_latest_count_the_register_has_on_the_day()
    {
        var deltas = Play(
            Registration(D(2010, 5, 4)),
            new RatRecorded(Id, 2023, D(2024, 3, 1), 30, 80, RatMode.Online, false, null, null, null, MemberCount: 80),
            new MergerRecorded(Id, Guid.NewGuid(), [Guid.NewGuid()], 20, 100, D(2025, 1, 2), Cases.Deed, Cases.Ratified));

        var registered = Registration(D(2010, 5, 4)).MemberCount;
        MembersOn(deltas, D(2010, 5, 3)).ShouldBe(0);
        MembersOn(deltas, D(2024, 2, 29)).ShouldBe(registered);
        MembersOn(deltas, D(2024, 3, 1)).ShouldBe(80);
        MembersOn(deltas, D(2025, 1, 2)).ShouldBe(100);
        CountOn(deltas, D(2025, 1, 2), ActivityStatus.Aktif).ShouldBe(1);
    }

    [Fact]
    public void A_rat_that_states_no_member_count_changes_no_member_total()
    {
        var deltas = Play(Registration(D(2010, 5, 4)), new RatRecorded(Id, 2011, D(2012, 3, 1), 10, 99, RatMode.Online, false, null, null, null));
        MembersOn(deltas, D(2013, 1, 1)).ShouldBe(Registration(D(2010, 5, 4)).MemberCount);
    }

    [Fact]
    public void A_nik_koperasi_is_valid_a_year_from_its_issue_or_renewal_and_not_after_dissolution()
    {
        var deltas = Play(
            Registration(D(2010, 5, 4)),
            new DetailsChanged(Id, null, null, null, null, new NikKoperasi("1571010001234", D(2022, 2, 1))),
            new Koperasi.Registry.Supervision.NikKoperasiRenewed(Id, "1571010001234", D(2024, 1, 15)),
            new DissolutionRecorded(Id, DissolutionReason.Government, D(2024, 10, 1), null, Guid.NewGuid(), false));

        int Valid(DateOnly day) => CountOn(deltas, day, c => c.NikKoperasi);
        (Valid(D(2022, 1, 31)), Valid(D(2022, 2, 1)), Valid(D(2023, 1, 31)), Valid(D(2023, 2, 1)), Valid(D(2024, 1, 15)), Valid(D(2024, 10, 1)))
            .ShouldBe((0, 1, 1, 0, 1, 0));
    }

    [Fact]
    public void A_koperasi_is_the_kdmp_of_a_desa_from_the_day_it_was_marked()
    {
        var deltas = Play(Registration(D(2010, 5, 4)), new Koperasi.Registry.Supervision.KdmpMarked(Id, "15.71.04.1002", "15.71.04", "1571", D(2025, 7, 1)));
        CountOn(deltas, D(2025, 6, 30), c => c.Kdmp).ShouldBe(0);
        CountOn(deltas, D(2025, 7, 1), c => c.Kdmp).ShouldBe(1);
        CountOn(deltas, D(2025, 7, 1), c => !c.Kdmp).ShouldBe(0);
    }

    [Fact]
    public void The_kecamatan_code_found_later_applies_to_the_whole_history_and_a_changed_address_moves_it_from_the_day_recorded()
    {
        var registered = Registration(D(2010, 5, 4));
        var text = registered.Profile.Address.Kecamatan;
        var deltas = Play(
            registered with { Profile = registered.Profile with { Address = registered.Profile.Address with { KecamatanCode = null } } },
            new KecamatanCodeRecorded(Id, "15.71.04"));
        CountOn(deltas, D(2011, 1, 1), c => c.KecamatanCode == "15.71.04").ShouldBe(1);

        var timeline = StatisticsTimeline.Empty(Id).Apply(registered with { Profile = registered.Profile with { Address = registered.Profile.Address with { KecamatanCode = null } } });
        timeline.Segments().ShouldHaveSingleItem().Cell.KecamatanName.ShouldBe(text);
        var moved = timeline.Apply(new DetailsChanged(Id, registered.Profile.Address with { KecamatanCode = "15.71.01", Kecamatan = "Kota Baru" }, null, null, null, null), D(2026, 1, 5));
        var segments = moved.Segments();
        segments.Count.ShouldBe(2);
        (segments[1].From, segments[1].Cell.KecamatanCode).ShouldBe((D(2026, 1, 5), "15.71.01"));
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

using Koperasi.Registry.Cooperatives;
using static Koperasi.Registry.Tests.Domain.Registrations;

namespace Koperasi.Registry.Tests.Domain;

public class EvaluateActivityTests
{
    [Fact]
    public void Time_passing_a_deadline_makes_a_koperasi_tidak_aktif_effective_on_that_deadline()
    {
        var (given, cooperative) = History(Primer(D(2015, 3, 2), Rat(2022, D(2023, 3, 1))), D(2026, 6, 30));
        cooperative.Activity.ShouldBe(ActivityStatus.Aktif);

        Accepted(cooperative.EvaluateActivity(D(2026, 6, 30), Policy)).ShouldBeEmpty();
        var events = Accepted(cooperative.EvaluateActivity(D(2026, 7, 3), Policy));

        var change = events.ShouldHaveSingleItem().ShouldBeOfType<ActivityChanged>();
        (change.From, change.To, change.EffectiveOn).ShouldBe((ActivityStatus.Aktif, ActivityStatus.TidakAktif, D(2026, 7, 1)));
        change.Reason.ShouldContain("2023–2025");
        Given([.. given, .. events]).Activity.ShouldBe(ActivityStatus.TidakAktif);
    }

    [Fact]
    public void Evaluating_again_changes_nothing()
    {
        var (given, cooperative) = History(Primer(D(2015, 3, 2), Rat(2022, D(2023, 3, 1))), D(2026, 6, 30));
        var after = Given([.. given, .. Accepted(cooperative.EvaluateActivity(D(2026, 7, 3), Policy))]);
        Accepted(after.EvaluateActivity(D(2026, 8, 1), Policy)).ShouldBeEmpty();
    }

    [Fact]
    public void A_changed_policy_revises_the_history_it_recorded()
    {
        var (_, cooperative) = History(Primer(D(2015, 3, 2), Rat(2021, D(2022, 3, 1))), D(2026, 11, 22));
        cooperative.Activity.ShouldBe(ActivityStatus.TidakAktif);

        var events = Accepted(cooperative.EvaluateActivity(D(2026, 11, 22), Policy with { YearsWithoutRat = 5 }));

        events.ShouldHaveSingleItem().ShouldBeOfType<ActivityHistoryRevised>().Periods[^1].Status.ShouldBe(ActivityStatus.Aktif);
    }
}

using Koperasi.Contracts.Registry;
using Koperasi.Funding.Cooperatives;
using static Koperasi.Funding.Tests.Domain.Given;

namespace Koperasi.Funding.Tests.Domain;

/// <summary>Registry facts arrive on different queues, late or twice: the newest of each fact wins.</summary>
public class CooperativeReplicaTests
{
    private static readonly Guid Id = Guid.NewGuid();

    private static readonly CooperativeRegistered Registered = new(
        Id, 1, DateTimeOffset.UnixEpoch, "Koperasi Maju Bersama", "primer", "produsen", null, false, false, "kabupaten-kota",
        new CooperativeAddress("Jl. Lintas 1", null, "Pelawan", "1503", "Sarolangun", null), "1/BH/2010", D(2010, 5, 1), null, "Pertanian", 40);

    private static CooperativeActivityChanged Activity(long version, string to, DateOnly on) =>
        new(Id, version, DateTimeOffset.UnixEpoch, to == "aktif" ? "tidak-aktif" : "aktif", to, on, "Uji");

    private static CooperativeDissolved Dissolved(long version, DateOnly on) => new(Id, version, DateTimeOffset.UnixEpoch, "merger", on, Guid.NewGuid(), Guid.NewGuid(), true);

    private static CooperativeAmended Amended(long version, string? name, string? regencyCode, string? businessField = null) => new(
        Id, version, DateTimeOffset.UnixEpoch, 2, D(2026, 1, 1), null, name,
        regencyCode is null ? null : new CooperativeAddress("Jl. Baru 2", null, "Kota Baru", regencyCode, "Kota Jambi", null), null, null, null, businessField, null);

    /// <summary>Folds the messages in the order given, as the consumers do.</summary>
    private static CooperativeReplica Replica(params object[] messages) => messages.Aggregate(CooperativeReplica.Unknown(Id), (replica, message) => message switch
    {
        CooperativeRegistered m => replica.With(m),
        CooperativeActivityChanged m => replica.With(m),
        CooperativeDissolved m => replica.With(m),
        CooperativeAmended m => replica.With(m),
        CooperativeActivityCorrected m => replica.With(m),
        _ => throw new ArgumentException(message.GetType().Name),
    });

    private static CooperativeActivityCorrected Corrected(long version, params (DateOnly From, string Activity)[] periods) =>
        new(Id, version, DateTimeOffset.UnixEpoch,
            [.. periods.Select((p, i) => new ActivityPeriod(p.From, i + 1 < periods.Length ? periods[i + 1].From : null, p.Activity))], "Uji");

    [Fact]
    public void A_corrected_history_sets_the_activity_that_holds_now()
    {
        var replica = Replica(Registered, Activity(3, "tidak-aktif", D(2019, 7, 1)), Corrected(5, (D(2010, 5, 1), "aktif"), (D(2020, 7, 1), "tidak-aktif"), (D(2024, 4, 2), "aktif")));
        replica.Activity!.Value.ShouldBe(new CooperativeActivity("aktif", D(2024, 4, 2)));
        CooperativeReplica.WhyNot(Id, replica).ShouldBeNull();
    }

    [Fact]
    public void A_corrected_history_that_makes_the_koperasi_tidak_aktif_since_years_ago_refuses_grants()
    {
        var replica = Replica(Registered, Corrected(4, (D(2010, 5, 1), "aktif"), (D(2019, 7, 1), "tidak-aktif")));
        CooperativeReplica.WhyNot(Id, replica).ShouldBe("Koperasi Koperasi Maju Bersama is tidak-aktif since 2019-07-01.");
    }

    [Fact]
    public void An_older_correction_never_overwrites_a_newer_change_of_activity()
    {
        var replica = Replica(Registered, Activity(6, "tidak-aktif", D(2026, 7, 1)), Corrected(4, (D(2010, 5, 1), "aktif")));
        replica.Activity!.Value.ShouldBe(new CooperativeActivity("tidak-aktif", D(2026, 7, 1)));
    }

    [Fact]
    public void A_registered_koperasi_may_receive_a_grant()
    {
        var replica = Replica(Registered);
        (CooperativeReplica.WhyNot(Id, replica), replica.Name!.Value, replica.Activity!.Value).ShouldBe((null, "Koperasi Maju Bersama", new CooperativeActivity("aktif", D(2010, 5, 1))));
    }

    [Fact]
    public void A_koperasi_the_registry_never_announced_may_not_receive_a_grant()
    {
        CooperativeReplica.WhyNot(Id, null).ShouldNotBeNull().ShouldContain("not known to be registered");
        var onlyActivity = Replica(Activity(3, "aktif", D(2019, 7, 1)));
        CooperativeReplica.WhyNot(Id, onlyActivity).ShouldNotBeNull().ShouldContain("not known to be registered");
    }

    [Fact]
    public void A_change_of_activity_that_arrives_before_the_registration_is_kept()
    {
        var replica = Replica(Activity(3, "tidak-aktif", D(2019, 7, 1)), Registered);
        (replica.Registered, replica.Activity!.Value.Status, replica.Name!.Value).ShouldBe((true, "tidak-aktif", "Koperasi Maju Bersama"));
        CooperativeReplica.WhyNot(Id, replica).ShouldBe("Koperasi Koperasi Maju Bersama is tidak-aktif since 2019-07-01.");
    }

    [Fact]
    public void An_older_change_of_activity_never_overwrites_a_newer_one()
    {
        var replica = Replica(Registered, Activity(5, "aktif", D(2024, 3, 1)));
        replica.With(Activity(3, "tidak-aktif", D(2019, 7, 1))).ShouldBe(replica);
        replica.With(Activity(6, "tidak-aktif", D(2027, 7, 1))).Activity!.Value.Status.ShouldBe("tidak-aktif");
    }

    [Fact]
    public void A_repeated_message_changes_nothing()
    {
        var replica = Replica(Registered, Activity(3, "tidak-aktif", D(2019, 7, 1)), Amended(4, "Koperasi Baru", null));
        Replica(Registered, Activity(3, "tidak-aktif", D(2019, 7, 1)), Amended(4, "Koperasi Baru", null), Registered, Amended(4, "Koperasi Baru", null)).ShouldBe(replica);
    }

    [Fact]
    public void A_dissolved_koperasi_may_not_receive_a_grant_whatever_its_activity()
    {
        var replica = Replica(Registered, Dissolved(7, D(2026, 1, 5)), Activity(8, "aktif", D(2026, 2, 1)));
        CooperativeReplica.WhyNot(Id, replica).ShouldBe("Koperasi Koperasi Maju Bersama was dissolved on 2026-01-05.");
    }

    [Fact]
    public void An_amendment_renames_and_an_older_registration_does_not_undo_it()
    {
        var replica = Replica(Amended(9, "Koperasi Serba Usaha Maju", null), Registered);
        (replica.Name!.Value, replica.RegencyCode!.Value, replica.StreamVersion).ShouldBe(("Koperasi Serba Usaha Maju", "1503", 9L));
    }

    [Fact]
    public void An_amendment_of_other_articles_changes_neither_name_nor_domicile()
    {
        var replica = Replica(Registered, Amended(2, null, null, "Perdagangan"));
        (replica.Name!.Value, replica.RegencyCode!.Value).ShouldBe(("Koperasi Maju Bersama", "1503"));
        Replica(Registered, Amended(3, null, "1571")).RegencyCode!.ShouldBe(new("1571", 3));
    }

    [Fact]
    public void Facts_arriving_in_either_order_end_the_same()
    {
        var messages = new object[] { Registered, Amended(2, "Koperasi Baru", "1571"), Activity(3, "tidak-aktif", D(2020, 1, 1)), Activity(4, "aktif", D(2021, 1, 1)), Dissolved(5, D(2026, 1, 5)) };
        Replica([.. Enumerable.Reverse(messages)]).ShouldBe(Replica(messages));
    }
}

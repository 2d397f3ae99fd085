using Koperasi.Registry.Cooperatives;
using static Koperasi.Registry.Tests.Domain.Cases;
using static Koperasi.Registry.Tests.Domain.Registrations;

namespace Koperasi.Registry.Tests.Domain;

/// <summary>A grant paid to a business of a koperasi is recorded on it once, and flags it.</summary>
public class GovernmentAidTests
{
    private static ReceiveGovernmentAid Grant(Cooperative named, decimal amount = 5_000_000, Guid? applicationId = null) =>
        new(named.Id, "Dumisake", 2026, amount, D(2026, 10, 7), applicationId ?? Guid.NewGuid());

    [Fact]
    public void A_koperasi_without_aid_is_not_flagged()
    {
        var (_, koperasi) = Existing();

        koperasi.ReceivedGovernmentAid.ShouldBeFalse();
        koperasi.GovernmentAid.ShouldBeEmpty();
    }

    [Fact]
    public void A_grant_is_recorded_with_its_programme_year_amount_day_and_application_and_flags_the_koperasi()
    {
        var (given, koperasi) = Existing();
        var grant = Grant(koperasi);

        var events = Accepted(koperasi.ReceiveGovernmentAid(grant));

        events.ShouldBe([new GovernmentAidReceived(koperasi.Id, "Dumisake", 2026, 5_000_000, D(2026, 10, 7), grant.ApplicationId, null)]);
        var after = After(given, events);
        after.ReceivedGovernmentAid.ShouldBeTrue();
        after.GovernmentAid.ShouldBe([new GovernmentAid("Dumisake", 2026, 5_000_000, D(2026, 10, 7), grant.ApplicationId, null)]);
    }

    [Fact]
    public void The_same_application_is_recorded_once_and_others_add_up()
    {
        var (given, koperasi) = Existing();
        var first = Grant(koperasi);
        IReadOnlyList<object> recorded = [.. given, .. Accepted(koperasi.ReceiveGovernmentAid(first))];
        var once = Given(recorded);

        Accepted(once.ReceiveGovernmentAid(first)).ShouldBeEmpty();
        var second = Accepted(once.ReceiveGovernmentAid(Grant(koperasi, 10_000_000)));

        After(recorded, second).GovernmentAid.Sum(a => a.Amount).ShouldBe(15_000_000);
    }

    [Fact]
    public void A_dissolved_koperasi_records_nothing_and_names_its_successor_as_the_recipient()
    {
        var (survivor, absorbed) = (Existing(), Existing(20, regency: "1501"));
        var merger = Applied(Cooperative.Merge(Merger(survivor.State, absorbed.State), RegisterOf(survivor.State, absorbed.State), Today));
        var gone = After(absorbed.Events, merger.EventsOf(absorbed.State.Id));

        Rejected(gone.ReceiveGovernmentAid(Grant(gone))).Rule.ShouldBe("cooperative-dissolved");
        gone.AidRecipientId.ShouldBe(survivor.State.Id);
        survivor.State.AidRecipientId.ShouldBe(survivor.State.Id);
    }

    [Fact]
    public void Aid_handed_on_by_a_dissolved_koperasi_names_it_on_the_successor()
    {
        var (survivor, absorbed) = (Existing(), Existing(20, regency: "1501"));

        var events = Accepted(survivor.State.ReceiveGovernmentAid(Grant(absorbed.State)));

        events.OfType<GovernmentAidReceived>().Single().NamedCooperativeId.ShouldBe(absorbed.State.Id);
    }
}

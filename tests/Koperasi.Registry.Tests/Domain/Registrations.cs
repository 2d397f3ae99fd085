using Koperasi.Registry.Activity;
using Koperasi.Registry.Cooperatives;
using Koperasi.ServiceDefaults.Decisions;

namespace Koperasi.Registry.Tests.Domain;

/// <summary>Commands and states for the given/when/then tests.</summary>
internal static class Registrations
{
    public static readonly ActivityPolicy Policy = new();

    public static RegisterCooperative Primer(DateOnly decreeDate, params RatReport[] rats) => new(
        Guid.NewGuid(),
        new CooperativeProfile(
            "Koperasi Sejahtera Bersama",
            CooperativeForm.Primer,
            CooperativeType.Konsumen,
            SavingsLoanScheme: null,
            Syariah: false,
            MultiPihak: false,
            MemberClasses: [],
            SupervisionLevel.KabupatenKota,
            new Address("Jl. Gatot Subroto 1", "Sungai Asam", "Pasar Jambi", "1571", "36134"),
            "Toko kebutuhan pokok"),
        new LegalEntity($"{Guid.NewGuid():N}/BH/XIV.10/2010", decreeDate),
        Deed: null,
        FoundingMembers: 20,
        MemberCount: 40,
        Nib: null,
        NikKoperasi: null,
        Board: [new BoardMember("Siti Aminah", BoardPosition.Ketua)],
        Contact: null,
        RatHistory: rats);

    /// <summary>The command with a changed profile.</summary>
    public static RegisterCooperative Profiled(this RegisterCooperative command, Func<CooperativeProfile, CooperativeProfile> change) =>
        command with { Profile = change(command.Profile) };

    public static RatReport Rat(int year, DateOnly heldOn, int present = 30, int total = 40) =>
        new(year, heldOn, present, total, RatMode.InPerson, null, null, null);

    /// <summary>The state the events fold to: the "given" of a test.</summary>
    public static Cooperative Given(IEnumerable<object> events) =>
        events.Aggregate((Cooperative?)null, Cooperative.Fold) ?? throw new InvalidOperationException("No registration among the events.");

    /// <summary>A koperasi registered as of <paramref name="today"/>.</summary>
    public static Cooperative Registered(RegisterCooperative command, DateOnly today) => History(command, today).State;

    /// <summary>The events of a registration and the state they fold to.</summary>
    public static (IReadOnlyList<object> Events, Cooperative State) History(RegisterCooperative command, DateOnly today)
    {
        var events = Accepted(Cooperative.Register(command, today, Policy));
        return (events, Given(events));
    }

    public static IReadOnlyList<object> Accepted(Decision decision)
    {
        decision.Error.ShouldBeNull(decision.Error?.Detail);
        return decision.Events;
    }

    public static DomainError Rejected(Decision decision) =>
        decision.Error ?? throw new ShouldAssertException("The command was accepted; a rejection was expected.");

    public static DateOnly D(int year, int month, int day) => new(year, month, day);
}

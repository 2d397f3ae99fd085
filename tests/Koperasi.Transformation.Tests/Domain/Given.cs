using Koperasi.ServiceDefaults.Decisions;
using Koperasi.Transformation.Cases;
using Koperasi.Transformation.Cooperatives;
using Registry = Koperasi.Contracts.Registry;

namespace Koperasi.Transformation.Tests.Domain;

/// <summary>The "given" of the domain tests: koperasi as the register announced them, and cases walked to a step.</summary>
internal static class Given
{
    public static readonly DateOnly Today = new(2026, 11, 22);
    public static readonly MeetingPolicy Policy = new();
    public static readonly NotarialDeed Deed = new("14", new DateOnly(2026, 9, 2), "Notaris Contoh Satu, S.H., M.Kn.");
    public static readonly Ratification Decree = new("AHU-0004521.AH.01.29.TAHUN 2026", new DateOnly(2026, 10, 15));
    public static readonly DateOnly ProposedOn = new(2026, 6, 1);
    public static readonly DateOnly MeetingDay = new(2026, 7, 20);

    /// <summary>A registration as the Registry publishes it.</summary>
    public static Registry.CooperativeRegistered Registration(Guid id, string name, string regency = "1571", int members = 100, long version = 1, string type = "konsumen", string form = "primer", Guid? caseId = null) => new(
        id, version, DateTimeOffset.UnixEpoch, name, form, type, type == "simpan-pinjam" ? "close-loop" : null, false, false, "kabupaten-kota",
        new Registry.CooperativeAddress("Jl. Sultan Thaha 12", null, "Pasar Jambi", regency, "Kota Jambi", null),
        $"{Guid.NewGuid():N}/BH/2010", new DateOnly(2010, 1, 4), null, "Toko kebutuhan pokok", members, null, caseId);

    /// <summary>A koperasi the register has announced.</summary>
    public static KnownCooperative Known(string name, string regency = "1571", int members = 100, string type = "konsumen", string form = "primer")
    {
        var id = Guid.NewGuid();
        return KnownCooperative.Unknown(id).With(Registration(id, name, regency, members, type: type, form: form));
    }

    public static IReadOnlyDictionary<Guid, Standing> Standings(params KnownCooperative[] known) =>
        known.ToDictionary(k => k.Id, k => new Standing(k, null));

    public static TransformationCase State(IEnumerable<object> events) =>
        events.Aggregate((TransformationCase?)null, TransformationCase.Fold) ?? throw new InvalidOperationException("No proposal among the events.");

    public static IReadOnlyList<object> Accepted(Decision decision)
    {
        decision.Error.ShouldBeNull(decision.Error?.Detail);
        return decision.Events;
    }

    public static DomainError Rejected(Decision decision) =>
        decision.Error ?? throw new ShouldAssertException("The command was accepted; a rejection was expected.");

    public static MeetingVotes Approving(KnownCooperative cooperative, DateOnly? heldOn = null) =>
        new(cooperative.Id, heldOn ?? MeetingDay, 80, 100, 70, 5);

    /// <summary>A merger of <paramref name="absorbed"/> into <paramref name="survivor"/>, proposed.</summary>
    public static List<object> MergerProposed(KnownCooperative survivor, params KnownCooperative[] absorbed) =>
        [.. Accepted(TransformationCase.ProposeMerger(
            new MergerProposal(Guid.NewGuid(), ProposedOn, survivor.Id, [.. absorbed.Select(a => a.Id)]), Standings([survivor, .. absorbed]), Today))];

    /// <summary>The events of a case after one more decision of the state they fold to.</summary>
    public static List<object> Then(List<object> history, Func<TransformationCase, Decision> decide) =>
        [.. history, .. Accepted(decide(State(history)))];

    /// <summary>A merger whose every meeting approved.</summary>
    public static List<object> MergerAwaitingDeed(out KnownCooperative survivor, out KnownCooperative absorbed)
    {
        var (s, a) = (Known("Koperasi Maju Bersama"), Known("Koperasi Tani Makmur", members: 64));
        (survivor, absorbed) = (s, a);
        var history = MergerProposed(s, a);
        history = Then(history, c => c.RecordMeeting(Approving(s), Today, Policy));
        return Then(history, c => c.RecordMeeting(Approving(a), Today, Policy));
    }

    /// <summary>A merger approved and waiting for the register.</summary>
    public static List<object> MergerCaseApproved(out KnownCooperative survivor, out KnownCooperative absorbed)
    {
        var history = Then(MergerAwaitingDeed(out survivor, out absorbed), c => c.RecordDeed(Deed, Today));
        return Then(history, c => c.RecordRatification(Decree, Today));
    }

    /// <summary>A change of the articles of <paramref name="cooperative"/>, proposed.</summary>
    public static List<object> AmendmentProposed(KnownCooperative cooperative, ArticlesChanges changes) =>
        [.. Accepted(TransformationCase.ProposeArticlesAmendment(new ArticlesAmendmentProposal(Guid.NewGuid(), ProposedOn, cooperative.Id, changes), Standings(cooperative), Today))];

    public static ArticlesChanges Changes(string? name = null, string? otherArticles = null, CooperativeType? type = null, SavingsLoanScheme? scheme = null, CooperativeForm? form = null, Domicile? domicile = null, string? businessField = null) =>
        new(name, domicile, type, scheme, form, businessField, otherArticles);

    public static NewCooperative NewKoperasi(CooperativeType type = CooperativeType.Produsen, SavingsLoanScheme? scheme = null, bool multiPihak = false, params string[] classes) => new(
        Guid.NewGuid(), "Koperasi Produsen Tani Bersatu", CooperativeForm.Primer, type, scheme, false, multiPihak, classes, SupervisionLevel.KabupatenKota,
        new Domicile("Jl. Gatot Subroto 8", "Jambi Timur", "1572", "Talang Banjar", "36141"), "Pengolahan hasil pertanian");
}

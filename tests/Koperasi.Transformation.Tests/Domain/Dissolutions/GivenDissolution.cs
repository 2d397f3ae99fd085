using Koperasi.ServiceDefaults.Decisions;
using Koperasi.Transformation.Cases;
using Koperasi.Transformation.Cooperatives;
using Koperasi.Transformation.Dissolutions;

namespace Koperasi.Transformation.Tests.Domain.Dissolutions;

/// <summary>The "given" of the dissolution tests: koperasi, and cases walked along either path to a step.</summary>
internal static class GivenDissolution
{
    public static readonly DissolutionOptions Options = new();
    public static readonly MeetingPolicy Policy = new();
    public static readonly DateOnly Today = new(2026, 11, 22);

    // The members' path.
    public static readonly DateOnly MembersProposedOn = new(2026, 6, 1);
    public static readonly MeetingInvitation Invitation = new(new DateOnly(2026, 6, 10), new DateOnly(2026, 6, 24));

    // The government's path.
    public static readonly DateOnly GovernmentProposedOn = new(2025, 6, 2);
    public static readonly VillageLetter Letter = new("140/27/PEM/2025", new DateOnly(2025, 6, 18), "Talang Bakung");
    public static readonly DateOnly VerifiedOn = new(2025, 6, 20);
    public static readonly DateOnly AnnouncedOn = new(2025, 7, 1);
    public static readonly DateOnly SentOn = new(2025, 10, 6);
    public static readonly MinistryNotice Notice = new("B-311/DEP.2/XI/2025", new DateOnly(2025, 11, 3));
    public static readonly DateOnly DecreeDate = new(2026, 1, 15);
    public static readonly Guid BatchId = Guid.Parse("0199a3c8-3d4e-7f5a-8b6c-7d8e9f0a1b2c");

    public static KnownCooperative Coop(string name = "Koperasi Serba Usaha Sido Makmur", string regency = "1505", int members = 100, int? latestRatYear = 2019) =>
        Given.Known(name, regency, members) with { LatestRatYear = latestRatYear };

    public static IReadOnlyList<object> Accepted(Decision decision) => Given.Accepted(decision);

    public static DomainError Rejected(Decision decision) => Given.Rejected(decision);

    public static Standing Free(KnownCooperative known) => new(known, null);

    public static DissolutionCase State(IEnumerable<object> events) =>
        events.Aggregate((DissolutionCase?)null, DissolutionCase.Fold) ?? throw new InvalidOperationException("No proposal among the events.");

    public static List<object> Then(List<object> history, Func<DissolutionCase, Decision> decide) =>
        [.. history, .. Given.Accepted(decide(State(history) with { Version = history.Count }))];

    public static IReadOnlyList<DissolutionGround> NoRat => [new(DissolutionGroundKind.NoRat, "Laporan RAT register 2020–2025: tidak ada")];

    public static List<object> ProposedByBoard(KnownCooperative known) =>
        [.. Given.Accepted(DissolutionCase.ProposeByMembers(
            new MembersDissolutionProposal(Guid.NewGuid(), MembersProposedOn, known.Id, DissolutionProposer.SupervisoryBoard, null), Free(known), Today, Options))];

    public static List<object> MeetingCalled(KnownCooperative known) => Then(ProposedByBoard(known), c => c.CallMeeting(Invitation, Today, Options));

    public static MeetingVotes Votes(KnownCooperative known, int present = 80, int total = 100, int votesFor = 70, int against = 5) =>
        new(known.Id, Invitation.MeetingOn, present, total, votesFor, against);

    public static List<object> DecidedByMembers(KnownCooperative known) => Then(MeetingCalled(known), c => c.RecordMeeting(Votes(known), Today, Policy));

    public static List<object> ProposedByGovernment(KnownCooperative known) =>
        [.. Given.Accepted(DissolutionCase.ProposeByGovernment(
            new GovernmentDissolutionProposal(Guid.NewGuid(), GovernmentProposedOn, known.Id, NoRat), Free(known), Today, Options))];

    public static List<object> Verified(KnownCooperative known) => Then(ProposedByGovernment(known), c => c.VerifyInField(Letter, VerifiedOn, Today));

    public static List<object> Announced(KnownCooperative known) => Then(Verified(known), c => c.Announce(AnnouncedOn, Today));

    public static List<object> SentToMinistry(KnownCooperative known) => Then(Announced(known), c => c.SentToMinistry(BatchId, SentOn, Options));

    public static List<object> NoticeIssued(KnownCooperative known) => Then(SentToMinistry(known), c => c.RecordNotice(Notice, Today));

    public static MinistryAnswer Approval(KnownCooperative known, DateOnly? on = null) =>
        new(known.Id, MinistryAnswerKind.Approved, "012/KEP/M.KUKM.2/I/2026", on ?? DecreeDate);

    public static List<object> DecidedByMinistry(KnownCooperative known) =>
        Then(NoticeIssued(known), c => c.ApplyMinistryAnswer(BatchId, Approval(known), Options));

    /// <summary>A government dissolution with its team named on 1 Feb 2026 and one creditor notified on 10 Feb 2026.</summary>
    public static List<object> Liquidating(KnownCooperative known, out Guid creditorId)
    {
        var creditor = Guid.NewGuid();
        creditorId = creditor;
        var history = Then(DecidedByMinistry(known), c => c.NameLiquidationTeam(["Rahmat Hidayat", "Siti Aminah"], new DateOnly(2026, 2, 1), Today));
        history = Then(history, c => c.RecordCreditor(creditor, "Bank Jambi Cabang Muara Bulian", new DateOnly(2026, 2, 5), Today));
        return Then(history, c => c.NotifyCreditor(creditor, new DateOnly(2026, 2, 10), Today));
    }
}

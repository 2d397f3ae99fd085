using Koperasi.ServiceDefaults.Decisions;
using Koperasi.ServiceDefaults.Http;

namespace Koperasi.Transformation.Dissolutions;

/// <summary>Who dissolves the koperasi.</summary>
public enum DissolutionPath
{
    /// <summary>Its members' meeting (rapat anggota).</summary>
    MembersMeeting,

    /// <summary>The government: the Dinas proposes, the ministry decides.</summary>
    Government,
}

/// <summary>
/// Where a dissolution case stands. Members' path: Proposed, MeetingCalled, Decided. Government path:
/// Proposed, Verified, Announced, ProposedToMinistry, NoticeIssued (Objected), Decided. Then both:
/// Liquidating, Settled, Dissolved. Dissolved, Rejected and Withdrawn are closed.
/// </summary>
public enum DissolutionStage
{
    Proposed,
    MeetingCalled,
    Verified,
    Announced,
    ProposedToMinistry,
    NoticeIssued,
    Objected,
    Decided,
    Liquidating,
    Settled,
    Dissolved,
    Rejected,
    Withdrawn,
}

/// <summary>Who proposed a dissolution to the members' meeting.</summary>
public enum DissolutionProposer
{
    /// <summary>The supervisory board (pengawas).</summary>
    SupervisoryBoard,

    /// <summary>Members: at least the configured share of the register's member count.</summary>
    Members,
}

/// <summary>The grounds on which the government may dissolve a koperasi.</summary>
public enum DissolutionGroundKind
{
    /// <summary>No RAT for the configured number of consecutive financial years.</summary>
    NoRat,

    /// <summary>No business for the configured number of years.</summary>
    NoBusiness,

    Bankruptcy,
    CourtDecision,

    /// <summary>Breach of the law or of its articles of association.</summary>
    Breach,
}

/// <summary>
/// A ground of a government dissolution and its evidence (a document reference an officer can find);
/// for no business, <c>Since</c> is the day business stopped.
/// </summary>
public sealed record DissolutionGround(DissolutionGroundKind Kind, string Evidence, DateOnly? Since = null);

/// <summary>The koperasi a case dissolves, as the register knew it when the case opened.</summary>
public sealed record DissolvingCooperative(Guid CooperativeId, string Name, string RegencyCode, int MemberCount, int? LatestRatYear);

/// <summary>The invitation to the members' meeting.</summary>
public sealed record MeetingInvitation(DateOnly SentOn, DateOnly MeetingOn);

/// <summary>What the members' meeting decided, and the policy it was judged by.</summary>
public sealed record DissolutionMeeting(DateOnly HeldOn, int MembersPresent, int MembersTotal, int VotesFor, int VotesAgainst, bool QuorumMet, bool MajorityReached);

/// <summary>The village's letter (surat keterangan desa/kelurahan) backing the field verification.</summary>
public sealed record VillageLetter(string Number, DateOnly Date, string Desa);

/// <summary>The ministry's notice of the intended dissolution.</summary>
public sealed record MinistryNotice(string Number, DateOnly Date);

/// <summary>The koperasi's objection and, once decided, how.</summary>
public sealed record Objection(DateOnly FiledOn, string Summary, DateOnly? DecidedOn = null, bool? Upheld = null);

/// <summary>The decree that dissolves: the ministry's for the government path; for the members' path the meeting's date (no number).</summary>
public sealed record DissolutionDecision(DateOnly DecidedOn, string? DecreeNumber);

/// <summary>A creditor of the koperasi in liquidation. The dissolution does not bind it until it is notified.</summary>
public sealed record Creditor(Guid CreditorId, string Name, DateOnly RecordedOn, DateOnly? NotifiedOn = null);

/// <summary>How the ministry answered for one koperasi of a batch.</summary>
public enum MinistryAnswerKind
{
    /// <summary>Dissolution approved: the decree's number and date.</summary>
    Approved,

    /// <summary>Not dissolved: the reason.</summary>
    Rejected,

    /// <summary>Documents missing (e.g. the original deed, or a police report of its loss): may go into a later batch.</summary>
    DocumentsNeeded,

    /// <summary>The Dinas is to verify in the field again: may go into a later batch after.</summary>
    Reverify,
}

/// <summary>The ministry's answer for one koperasi, by letter, file or API.</summary>
public sealed record MinistryAnswer(
    Guid CooperativeId,
    MinistryAnswerKind Kind,
    string? DecreeNumber = null,
    DateOnly? DecreeDate = null,
    string? Reason = null,
    IReadOnlyList<string>? Documents = null)
{
    /// <summary>
    /// What keeps the answer from being recorded: a field its kind needs (a decree for an approval, a
    /// reason for a rejection, the documents asked for), or a NIK, phone or account number in its text.
    /// </summary>
    public DomainError? Incomplete() => PersonalData() ?? (Kind switch
    {
        MinistryAnswerKind.Approved when string.IsNullOrWhiteSpace(DecreeNumber) || DecreeDate is null =>
            DomainError.Unprocessable("answer-needs-decree", "An approval names the dissolution decree's number and date.", "decreeNumber"),
        MinistryAnswerKind.Rejected when string.IsNullOrWhiteSpace(Reason) =>
            DomainError.Unprocessable("answer-needs-reason", "A rejection gives the ministry's reason.", "reason"),
        MinistryAnswerKind.DocumentsNeeded when Documents is not { Count: > 0 } || Documents.Any(string.IsNullOrWhiteSpace) =>
            DomainError.Unprocessable("answer-needs-documents", "A request for documents names each document needed.", "documents"),
        _ => null,
    });

    private DomainError? PersonalData()
    {
        foreach (var (field, text) in new[] { ("reason", Reason) }.Concat((Documents ?? []).Select(d => ("documents", (string?)d))))
        {
            if (text is not null && TextRules.FindPersonalData(text) is { } kind)
            {
                return DomainError.Unprocessable(
                    RequestValidation.PersonalDataRule, $"The answer's {field} holds what looks like {kind}; personal data is not recorded with an answer.", field);
            }
        }

        return null;
    }
}

namespace Koperasi.Transformation.Cases;

/// <summary>What a case transforms.</summary>
public enum CaseKind
{
    /// <summary>Penggabungan: one or more koperasi are absorbed into a surviving one.</summary>
    Merger,

    /// <summary>Peleburan: every participant ends and a new koperasi is founded.</summary>
    Amalgamation,

    /// <summary>Perubahan anggaran dasar: a koperasi changes its articles of association.</summary>
    ArticlesAmendment,
}

/// <summary>Where a case stands. The first four are open; the last three are closed for good.</summary>
public enum CaseState
{
    /// <summary>Proposed: waiting for the members' meeting of each participant.</summary>
    Proposed,

    /// <summary>Every members' meeting approved: waiting for the notarial deed.</summary>
    AwaitingDeed,

    /// <summary>Deeded: waiting for the ministry's ratification.</summary>
    AwaitingRatification,

    /// <summary>Every required step is recorded: waiting for the register to apply it.</summary>
    Approved,

    /// <summary>The register applied it.</summary>
    Completed,

    /// <summary>A members' meeting did not approve it, or the register could not apply it.</summary>
    Rejected,

    /// <summary>Withdrawn before it was approved.</summary>
    Withdrawn,
}

/// <summary>The part a koperasi plays in a case.</summary>
public enum ParticipantRole
{
    /// <summary>Continues after a merger and receives the members of the absorbed ones.</summary>
    Survivor,

    /// <summary>Ends in a merger, dissolved by law without liquidation.</summary>
    Absorbed,

    /// <summary>Ends in an amalgamation, in favour of the new koperasi.</summary>
    Participant,

    /// <summary>Changes its articles of association.</summary>
    Amended,
}

/// <summary>A koperasi taking part in a case, as the register knew it when the case was proposed.</summary>
public sealed record Participant(Guid CooperativeId, string Name, string RegencyCode, ParticipantRole Role, int MemberCount);

/// <summary>A domicile; the regency is stored as its BPS code.</summary>
public sealed record Domicile(string Street, string Kecamatan, string RegencyCode, string? Village, string? PostalCode);

/// <summary>The koperasi an amalgamation founds. Its id is chosen by the case, so the register founds it under that id.</summary>
public sealed record NewCooperative(
    Guid CooperativeId,
    string Name,
    CooperativeForm Form,
    CooperativeType Type,
    SavingsLoanScheme? SavingsLoanScheme,
    bool Syariah,
    bool MultiPihak,
    IReadOnlyList<string> MemberClasses,
    SupervisionLevel SupervisionLevel,
    Domicile Domicile,
    string BusinessField);

/// <summary>The parts of the articles of association a change sets; a null part stays as it is.</summary>
public sealed record ArticlesChanges(
    string? Name,
    Domicile? Domicile,
    CooperativeType? Type,
    SavingsLoanScheme? SavingsLoanScheme,
    CooperativeForm? Form,
    string? BusinessField,
    string? OtherArticles)
{
    /// <summary>
    /// A change of business field needs the government's ratification, and in practice so does a change of
    /// name, domicile, type or form (DOMAIN.md); other articles alone do not.
    /// </summary>
    public bool NeedRatification => Name is not null || Domicile is not null || Type is not null || Form is not null || BusinessField is not null;

    /// <summary>True when no part changes.</summary>
    public bool ChangeNothing => !NeedRatification && SavingsLoanScheme is null && OtherArticles is null;
}

/// <summary>The notarial deed of a transformation.</summary>
public sealed record NotarialDeed(string Number, DateOnly Date, string Notary);

/// <summary>The ministry's decree that ratifies a transformation.</summary>
public sealed record Ratification(string DecreeNumber, DateOnly DecreeDate);

/// <summary>A participant's members' meeting as recorded, with the policy it was judged by.</summary>
public sealed record MeetingDecision(
    Guid CooperativeId,
    DateOnly HeldOn,
    int MembersPresent,
    int MembersTotal,
    int VotesFor,
    int VotesAgainst,
    Fraction Quorum,
    Fraction Majority,
    bool Approved);

/// <summary>What the register did when it applied the case.</summary>
public sealed record Completion(Guid ResultingCooperativeId, IReadOnlyList<Guid> EndedCooperativeIds, int MembersMoved, DateTimeOffset AppliedAt);

/// <summary>Why a case was rejected: the rule and the reason in words an officer reads.</summary>
public sealed record Rejection(string Rule, string Reason);

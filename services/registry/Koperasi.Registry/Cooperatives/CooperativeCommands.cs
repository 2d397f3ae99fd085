namespace Koperasi.Registry.Cooperatives;

/// <summary>
/// A registration as the domain sees it: validated, with the regency code normalized. A koperasi
/// founded by amalgamation names its predecessors and the case.
/// </summary>
public sealed record RegisterCooperative(
    Guid CooperativeId,
    CooperativeProfile Profile,
    LegalEntity LegalEntity,
    NotarialDeed? Deed,
    int FoundingMembers,
    int MemberCount,
    string? Nib,
    NikKoperasi? NikKoperasi,
    IReadOnlyList<BoardMember> Board,
    Contact? Contact,
    IReadOnlyList<RatReport> RatHistory,
    IReadOnlyList<Guid>? PredecessorIds = null,
    Guid? CaseId = null);

/// <summary>A RAT to record.</summary>
public sealed record RatReport(
    int FinancialYear,
    DateOnly HeldOn,
    int MembersPresent,
    int MembersTotal,
    RatMode Mode,
    decimal? Assets,
    decimal? BusinessVolume,
    decimal? Surplus);

/// <summary>Notifiable data to change; a null part stays as it is.</summary>
public sealed record DetailsChange(Address? Address, IReadOnlyList<BoardMember>? Board, Contact? Contact, string? Nib, NikKoperasi? NikKoperasi);

/// <summary>An approved merger: the absorbed koperasi end in the survivor.</summary>
public sealed record MergeCooperatives(
    Guid CaseId,
    Guid SurvivorId,
    IReadOnlyList<Guid> AbsorbedIds,
    NotarialDeed Deed,
    Ratification Ratification,
    DateOnly EffectiveOn);

/// <summary>
/// An approved amalgamation: <see cref="NewCooperative"/> is founded (its members and founders
/// follow from the participants) and every participant ends.
/// </summary>
public sealed record AmalgamateCooperatives(
    Guid CaseId,
    IReadOnlyList<Guid> ParticipantIds,
    RegisterCooperative NewCooperative,
    DateOnly EffectiveOn);

/// <summary>An approved change of the articles of association.</summary>
public sealed record AmendArticles(
    Guid CaseId,
    ArticlesChange Changes,
    NotarialDeed Deed,
    Ratification? Ratification,
    DateOnly EffectiveOn);

/// <summary>A programme's grant paid to a business of a koperasi, as Funding reports it.</summary>
public sealed record ReceiveGovernmentAid(Guid NamedCooperativeId, string Programme, int Year, decimal Amount, DateOnly DisbursedOn, Guid ApplicationId);

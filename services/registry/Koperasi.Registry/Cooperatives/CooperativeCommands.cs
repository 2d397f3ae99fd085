namespace Koperasi.Registry.Cooperatives;

/// <summary>A registration as the domain sees it: validated, with the regency code normalized.</summary>
public sealed record RegisterCooperative(
    Guid CooperativeId,
    string Name,
    CooperativeForm Form,
    CooperativeType Type,
    SavingsLoanScheme? SavingsLoanScheme,
    bool Syariah,
    bool MultiPihak,
    IReadOnlyList<string> MemberClasses,
    SupervisionLevel SupervisionLevel,
    Address Address,
    LegalEntity LegalEntity,
    NotarialDeed? Deed,
    int FoundingMembers,
    int MemberCount,
    string BusinessField,
    string? Nib,
    NikKoperasi? NikKoperasi,
    IReadOnlyList<BoardMember> Board,
    Contact? Contact,
    IReadOnlyList<RatReport> RatHistory);

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

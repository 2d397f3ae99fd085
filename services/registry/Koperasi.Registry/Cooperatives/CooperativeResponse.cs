using Koperasi.ServiceDefaults.Regions;

namespace Koperasi.Registry.Cooperatives;

/// <summary>
/// A koperasi as the API shows it: a dissolved one with its dissolution (reason, date, successor),
/// one founded by amalgamation with its predecessors, a survivor with the mergers it absorbed, and
/// the government aid it received (flagged, since it matters for a dissolution).
/// </summary>
public sealed record CooperativeResponse(
    Guid Id,
    long Version,
    string Name,
    CooperativeForm Form,
    CooperativeType Type,
    SavingsLoanScheme? SavingsLoanScheme,
    bool Syariah,
    bool MultiPihak,
    IReadOnlyList<string> MemberClasses,
    SupervisionLevel SupervisionLevel,
    AddressResponse Address,
    LegalEntity LegalEntity,
    NotarialDeed? Deed,
    int FoundingMembers,
    int MemberCount,
    string BusinessField,
    string? Nib,
    NikKoperasi? NikKoperasi,
    IReadOnlyList<BoardMember> Board,
    Contact? Contact,
    ActivityStatus Activity,
    DateOnly ActivitySince,
    IReadOnlyList<ActivityPeriod> ActivityHistory,
    RatRecord? LastRat,
    IReadOnlyList<RatRecord> Rats,
    LegalStatus LegalStatus,
    Dissolution? Dissolution,
    DissolutionInProgress? DissolutionCase,
    IReadOnlyList<Guid> PredecessorIds,
    Guid? FoundingCaseId,
    IReadOnlyList<MergerRecord> Mergers,
    int ArticlesVersion,
    bool ReceivedGovernmentAid,
    IReadOnlyList<GovernmentAid> GovernmentAid)
{
    public static CooperativeResponse From(Cooperative c) => new(
        c.Id, c.Version, c.Name, c.Form, c.Type, c.SavingsLoanScheme, c.Syariah, c.MultiPihak, c.MemberClasses,
        c.SupervisionLevel, AddressResponse.From(c.Address), c.LegalEntity, c.Deed, c.FoundingMembers, c.MemberCount,
        c.BusinessField, c.Nib, c.NikKoperasi, c.Board, c.Contact, c.Activity, c.ActivityPeriods[^1].From,
        c.ActivityPeriods, c.LastRat, [.. c.Rats.OrderBy(r => r.FinancialYear)], c.LegalStatus, c.Dissolution, c.DissolutionCase, c.PredecessorIds,
        c.FoundingCaseId, c.Mergers, c.ArticlesVersions()[^1].Version, c.ReceivedGovernmentAid, c.GovernmentAid);
}

/// <summary>
/// An address with the regency's name beside its code, and the Kemendagri codes of its kecamatan and
/// desa when known (absent for a free-text kecamatan no name matched).
/// </summary>
public sealed record AddressResponse(string Street, string? Village, string Kecamatan, string RegencyCode, string RegencyName, string? PostalCode, string? KecamatanCode, string? DesaCode)
{
    public static AddressResponse From(Address a) =>
        new(a.Street, a.Village, a.Kecamatan, a.RegencyCode, Regencies.Get(a.RegencyCode).DisplayName, a.PostalCode, a.KecamatanCode, a.DesaCode);
}

namespace Koperasi.Registry.Cooperatives;

/// <summary>Bentuk koperasi.</summary>
public enum CooperativeForm
{
    /// <summary>Founded by people (at least 9; 20 before 2021).</summary>
    Primer,

    /// <summary>Founded by at least 3 cooperatives.</summary>
    Sekunder,
}

/// <summary>Jenis koperasi.</summary>
public enum CooperativeType
{
    Konsumen,
    Produsen,
    SimpanPinjam,
    Jasa,
    Pemasaran,
}

/// <summary>How a savings-and-loan koperasi works and who supervises it.</summary>
public enum SavingsLoanScheme
{
    /// <summary>Members only; supervised by the ministry.</summary>
    CloseLoop,

    /// <summary>Serves non-members too; supervised by OJK since UU 4/2023.</summary>
    OpenLoop,
}

/// <summary>Who supervises the koperasi: its regency or city, the province, or the nation.</summary>
public enum SupervisionLevel
{
    KabupatenKota,
    Provinsi,
    Nasional,
}

/// <summary>Whether the koperasi holds its RATs (it keeps its legal status either way).</summary>
public enum ActivityStatus
{
    Aktif,
    TidakAktif,
}

/// <summary>Whether the koperasi exists as a legal entity (dissolved is for good).</summary>
public enum LegalStatus
{
    /// <summary>A legal entity (badan hukum), aktif or tidak aktif.</summary>
    Existing,

    /// <summary>Still a legal entity, in an open dissolution case not decided yet.</summary>
    Dissolving,

    /// <summary>Still a legal entity: its dissolution was decided, the liquidation team settles it.</summary>
    InLiquidation,

    /// <summary>No longer a legal entity.</summary>
    Dissolved,
}

/// <summary>Why a koperasi was dissolved.</summary>
public enum DissolutionReason
{
    /// <summary>Absorbed into a surviving koperasi (penggabungan): dissolved by law, without liquidation.</summary>
    Merger,

    /// <summary>Ended by founding a new koperasi with others (peleburan): dissolved by law, without liquidation.</summary>
    Amalgamation,

    /// <summary>Dissolved by its members' meeting (pembubaran), after liquidation.</summary>
    MembersMeeting,

    /// <summary>Dissolved by the government: the ministry's decree on the Dinas's proposal, after liquidation.</summary>
    Government,
}

/// <summary>How a RAT was held.</summary>
public enum RatMode
{
    /// <summary>Luring.</summary>
    InPerson,

    /// <summary>Daring.</summary>
    Online,
}

/// <summary>Positions on the board (pengurus) and the supervisory board (pengawas).</summary>
public enum BoardPosition
{
    Ketua,
    WakilKetua,
    Sekretaris,
    Bendahara,
    AnggotaPengurus,
    Pengawas,
}

/// <summary>
/// Domicile; the regency is stored as its BPS code. <paramref name="KecamatanCode"/> and
/// <paramref name="DesaCode"/> are the Kemendagri codes of the place (see <c>Places</c>): absent in
/// history written before they existed, and for a free-text kecamatan no name matched.
/// </summary>
public sealed record Address(string Street, string? Village, string Kecamatan, string RegencyCode, string? PostalCode, string? KecamatanCode = null, string? DesaCode = null);

/// <summary>A member of the board or the supervisory board.</summary>
public sealed record BoardMember(string Name, BoardPosition Position);

/// <summary>Contact data of the koperasi's office.</summary>
public sealed record Contact(string? Phone = null, string? Email = null);

/// <summary>The ministry's decree that made the koperasi a legal entity (older numbers are free text).</summary>
public sealed record LegalEntity(string DecreeNumber, DateOnly DecreeDate);

/// <summary>The ministry's decree that ratified a deed (a legal entity, a merger, an amendment of the articles).</summary>
public sealed record Ratification(string DecreeNumber, DateOnly DecreeDate);

/// <summary>The notarial deed of establishment.</summary>
public sealed record NotarialDeed(string Number, DateOnly Date, string Notary);

/// <summary>The ministry's Nomor Induk Koperasi: an opaque string, renewed yearly.</summary>
public sealed record NikKoperasi(string Number, DateOnly IssuedOn);

/// <summary>A RAT as reported.</summary>
public sealed record RatRecord(
    int FinancialYear,
    DateOnly HeldOn,
    int MembersPresent,
    int MembersTotal,
    RatMode Mode,
    bool Late,
    decimal? Assets,
    decimal? BusinessVolume,
    decimal? Surplus);

/// <summary>From <see cref="From"/> on (until the next period) the koperasi had this activity.</summary>
public sealed record ActivityPeriod(DateOnly From, ActivityStatus Status);

/// <summary>Parts of the articles an amendment changes; a null part stays as it is.</summary>
public sealed record ArticlesChange(
    string? Name = null,
    Address? Domicile = null,
    CooperativeType? Type = null,
    SavingsLoanScheme? SavingsLoanScheme = null,
    CooperativeForm? Form = null,
    string? BusinessField = null,
    string? OtherArticles = null);

/// <summary>
/// The open dissolution case the koperasi is in, as the Transformation service reported it: the
/// dates so far, and the case's stream version last applied (an older report is stale).
/// </summary>
public sealed record DissolutionInProgress(Guid CaseId, DissolutionReason Reason, DateOnly? ProposedOn, DateOnly? DecidedOn, string? DecreeNumber, long CaseVersion);

/// <summary>The last dissolution case that closed without dissolving the koperasi, and its version then.</summary>
public sealed record DissolutionCaseEnd(Guid CaseId, string Outcome, DateOnly ClosedOn, long CaseVersion);

/// <summary>How, when and into whom a koperasi was dissolved.</summary>
public sealed record Dissolution(DissolutionReason Reason, DateOnly EffectiveOn, Guid? SuccessorId, Guid? CaseId, bool WithoutLiquidation);

/// <summary>A merger the koperasi survived: whom it absorbed and how many members came with them.</summary>
public sealed record MergerRecord(Guid CaseId, DateOnly EffectiveOn, IReadOnlyList<Guid> AbsorbedIds, int MembersMoved);

/// <summary>Government aid received: a programme's grant paid to a business of the koperasi.</summary>
public sealed record GovernmentAid(string Programme, int Year, decimal Amount, DateOnly DisbursedOn, Guid ApplicationId, Guid? NamedCooperativeId);

/// <summary>
/// One version of the articles of association (anggaran dasar): what held from
/// <see cref="EffectiveOn"/> on, which parts this version changed (none for the founding articles),
/// and the deed, ratification and case behind it.
/// </summary>
public sealed record ArticlesVersion(
    int Version,
    DateOnly EffectiveOn,
    string Name,
    Address Domicile,
    CooperativeType Type,
    SavingsLoanScheme? SavingsLoanScheme,
    CooperativeForm Form,
    string BusinessField,
    string? OtherArticles,
    IReadOnlyList<string> Changed,
    NotarialDeed? Deed,
    Ratification? Ratification,
    Guid? CaseId);

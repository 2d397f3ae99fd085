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

/// <summary>Domicile; the regency is stored as its BPS code.</summary>
public sealed record Address(string Street, string? Village, string Kecamatan, string RegencyCode, string? PostalCode);

/// <summary>A member of the board or the supervisory board.</summary>
public sealed record BoardMember(string Name, BoardPosition Position);

/// <summary>Contact data of the koperasi's office.</summary>
public sealed record Contact(string? Phone = null, string? Email = null);

/// <summary>The ministry's decree that made the koperasi a legal entity (older numbers are free text).</summary>
public sealed record LegalEntity(string DecreeNumber, DateOnly DecreeDate);

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

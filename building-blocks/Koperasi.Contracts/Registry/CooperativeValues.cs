namespace Koperasi.Contracts.Registry;

// The Registry's vocabularies that other services use in their own models. The contracts carry
// them as kebab-case strings ("primer", "simpan-pinjam", "close-loop", "kabupaten-kota"): the
// kebab-case name of each member is its value on the wire. A consuming service uses these enums
// and never declares its own copy (docs/adr/0012; an architecture test checks it).

/// <summary>Bentuk koperasi: "primer" or "sekunder".</summary>
public enum CooperativeForm
{
    /// <summary>Founded by people (at least 9; 20 before 2021).</summary>
    Primer,

    /// <summary>Founded by at least 3 cooperatives.</summary>
    Sekunder,
}

/// <summary>Jenis koperasi: "konsumen", "produsen", "simpan-pinjam", "jasa" or "pemasaran".</summary>
public enum CooperativeType
{
    /// <summary>Konsumen.</summary>
    Konsumen,

    /// <summary>Produsen.</summary>
    Produsen,

    /// <summary>Simpan pinjam (savings and loan).</summary>
    SimpanPinjam,

    /// <summary>Jasa (services).</summary>
    Jasa,

    /// <summary>Pemasaran (marketing).</summary>
    Pemasaran,
}

/// <summary>How a savings-and-loan koperasi works: "close-loop" or "open-loop".</summary>
public enum SavingsLoanScheme
{
    /// <summary>Members only; supervised by the ministry.</summary>
    CloseLoop,

    /// <summary>Serves non-members too; supervised by OJK since UU 4/2023.</summary>
    OpenLoop,
}

/// <summary>Who supervises a koperasi: "kabupaten-kota", "provinsi" or "nasional".</summary>
public enum SupervisionLevel
{
    /// <summary>Its regency or city.</summary>
    KabupatenKota,

    /// <summary>The province.</summary>
    Provinsi,

    /// <summary>The nation.</summary>
    Nasional,
}

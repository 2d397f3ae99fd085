namespace Koperasi.Contracts;

/// <summary>
/// The string values contracts use for the domain's enumerations. Strings (not CLR enums) keep
/// the JSON shape independent of any serializer setting a subscriber might have.
/// </summary>
public static class ContractValues
{
    /// <summary>Bentuk koperasi: "primer" or "sekunder".</summary>
    public static readonly IReadOnlyList<string> Forms = ["primer", "sekunder"];

    /// <summary>Jenis koperasi.</summary>
    public static readonly IReadOnlyList<string> Types = ["konsumen", "produsen", "simpan-pinjam", "jasa", "pemasaran"];

    /// <summary>Supervision level: regency or city, province, or nation.</summary>
    public static readonly IReadOnlyList<string> SupervisionLevels = ["kabupaten-kota", "provinsi", "nasional"];

    /// <summary>Activity of a koperasi: "aktif" or "tidak-aktif".</summary>
    public static readonly IReadOnlyList<string> Activities = ["aktif", "tidak-aktif"];

    /// <summary>How a RAT was held: "in-person" (luring) or "online" (daring).</summary>
    public static readonly IReadOnlyList<string> RatModes = ["in-person", "online"];

    /// <summary>Savings-and-loan scheme: "close-loop" (members only) or "open-loop" (supervised by OJK).</summary>
    public static readonly IReadOnlyList<string> SavingsLoanSchemes = ["close-loop", "open-loop"];

    /// <summary>Kinds of transformation case.</summary>
    public static readonly IReadOnlyList<string> TransformationKinds = ["merger", "amalgamation", "articles-amendment"];

    /// <summary>Why a koperasi was dissolved.</summary>
    public static readonly IReadOnlyList<string> DissolutionReasons = ["merger", "amalgamation"];
}

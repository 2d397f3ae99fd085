namespace Koperasi.Funding.Tests.Demo;

/// <summary>shared/data/published-figures.md, "Dumisake working-capital grants": what the demo set must reproduce.</summary>
internal static class Published
{
    public static readonly IReadOnlyDictionary<int, (int Recipients, decimal Amount)> Years = new Dictionary<int, (int, decimal)>
    {
        [2022] = (1_453, 19_330_000_000m),
        [2023] = (3_590, 17_950_000_000m),
    };

    /// <summary>Recipients 2022–2023 by regency (sum 5,043).</summary>
    public static readonly IReadOnlyDictionary<string, int> Regencies = new Dictionary<string, int>
    {
        ["1571"] = 962,
        ["1502"] = 521,
        ["1504"] = 499,
        ["1505"] = 437,
        ["1508"] = 423,
        ["1503"] = 410,
        ["1507"] = 408,
        ["1501"] = 397,
        ["1506"] = 366,
        ["1572"] = 327,
        ["1509"] = 293,
    };

    /// <summary>Sarolangun in 2022 (its 2023 figures contradict the regency table and are not reproduced).</summary>
    public static readonly (string Regency, int Recipients, decimal Amount) Sarolangun2022 = ("1503", 85, 1_030_000_000m);

    public const int Target2024 = 2_000;
}

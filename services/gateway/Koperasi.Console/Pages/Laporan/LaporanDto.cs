namespace Koperasi.Console.Pages.Laporan;

// The Registry's reports and statistics as the Laporan page reads them (only the members it shows).

public sealed record ComplianceRow(string RegencyCode, string RegencyName, long Koperasi, long OnTime, long Late, long None);

public sealed record RatCompliance(int FinancialYear, DateOnly Deadline, IReadOnlyList<ComplianceRow> Rows, long Koperasi, long OnTime, long Late, long None);

public sealed record DissolutionRow(int Year, string RegencyCode, string RegencyName, long Count, IReadOnlyDictionary<string, long> ByReason);

public sealed record Dissolutions(IReadOnlyList<DissolutionRow> Rows, long Total);

public sealed record StatisticsRow(string? RegencyCode, string? RegencyName, string? Activity, long Count, long Members);

public sealed record Statistics(DateOnly AsOf, long Total, long Aktif, long TidakAktif, IReadOnlyList<StatisticsRow> Rows, long Members, DateTimeOffset? KnownOn);

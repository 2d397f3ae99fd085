namespace Koperasi.Benchmarks;

/// <summary>
/// The statistics as of a date, as known at a moment (ADR 0016): knownOn now (the usual question:
/// almost nothing recorded after it), knownOn the day before the seed (the worst case: every change
/// was recorded after it and is subtracted), and every dimension grouped.
/// </summary>
public static class AsOfScenarios
{
    public static async Task TimeAsync(EndpointTimer timer, List<Timing> timings, CancellationToken cancellationToken)
    {
        var now = Uri.EscapeDataString(DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        timings.Add(await timer.TimeAsync("statistics, asOf=2025-08-29, knownOn=now", $"/api/registry/statistics?asOf=2025-08-29&knownOn={now}", cancellationToken));
        timings.Add(await timer.TimeAsync("statistics, asOf=2025-08-29, knownOn=before the seed", $"/api/registry/statistics?asOf=2025-08-29&knownOn={yesterday}", cancellationToken));
        timings.Add(await timer.TimeAsync("statistics/regencies, asOf=2025-08-29, knownOn=now", $"/api/registry/statistics/regencies?asOf=2025-08-29&knownOn={now}", cancellationToken));
        timings.Add(await timer.TimeAsync(
            "statistics, asOf=2025-08-29, knownOn=now, all nine dimensions",
            $"/api/registry/statistics?asOf=2025-08-29&knownOn={now}&groupBy=regency,kecamatan,activity,type,form,supervisionLevel,legalStatus,nikKoperasi,kdmp",
            cancellationToken));
    }
}

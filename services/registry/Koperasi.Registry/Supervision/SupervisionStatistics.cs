using Marten;

namespace Koperasi.Registry.Supervision;

/// <summary>The supervision figures of a day on the statistics.</summary>
/// <param name="ValidNikKoperasi">Koperasi that held a valid NIK koperasi.</param>
/// <param name="DesaWithKdmp">Desa and kelurahan that had a KDMP.</param>
/// <param name="AllDesa">All desa and kelurahan of Jambi.</param>
/// <param name="KdmpCoverage">The KDMP coverage of each regency.</param>
public sealed record SupervisionFigures(int ValidNikKoperasi, int DesaWithKdmp, int AllDesa, IReadOnlyList<KdmpCoverageRow> KdmpCoverage);

/// <summary>
/// The supervision statistics on a day as known now, for the supervision endpoints (valid NIK koperasi,
/// KDMP coverage): the supervision documents read, the rules of <see cref="CooperativeSupervision"/> and
/// <see cref="KdmpCoverage"/> applied. <c>GET /api/registry/statistics</c> counts the same from its cells,
/// as known at its knownOn (<see cref="Statistics.StatisticsCells.SupervisionOf"/>).
/// </summary>
public static class SupervisionStatistics
{
    /// <summary>How many koperasi held a valid NIK koperasi on <paramref name="day"/>.</summary>
    public static async Task<int> ValidNikKoperasiHoldersAsync(IQuerySession session, DateOnly day, CancellationToken cancellationToken)
    {
        var holders = await session.Query<CooperativeSupervision>().Where(s => s.NikKoperasi.Any()).ToListAsync(cancellationToken);
        return CooperativeSupervision.ValidNikKoperasiHolders(holders, day);
    }

    /// <summary>The koperasi ever marked as KDMP, for <see cref="KdmpCoverage"/> on any day.</summary>
    public static async Task<IReadOnlyList<CooperativeSupervision>> KdmpMarkedAsync(IQuerySession session, CancellationToken cancellationToken) =>
        await session.Query<CooperativeSupervision>().Where(s => s.Kdmp != null).ToListAsync(cancellationToken);
}

using Koperasi.Demo;
using Koperasi.Registry.Cooperatives;

namespace Koperasi.Registry.Demo;

/// <summary>
/// The 2018 dissolution batch as the demo reproduces it: the koperasi the province proposed and the
/// ministry approved, per regency, copied into the embedded <c>dissolution-2018.json</c> so that no
/// figure is written in code.
/// </summary>
public sealed record DemoDissolution2018(string Source, int Proposed, IReadOnlyList<DemoDissolution2018.RegencyCount> Approved)
{
    public sealed record RegencyCount(string Code, int Count);

    /// <summary>The day the register is looked at for the batch: its koperasi existed and were without RAT for years by then.</summary>
    public static readonly DateOnly ProposedFrom = new(2018, 1, 2);

    public int ApprovedTotal => Approved.Sum(r => r.Count);

    public static DemoDissolution2018 Load() => Embedded.Read<DemoDissolution2018>("dissolution-2018.json");

    /// <summary>
    /// The id each approved koperasi is registered under: the n-th of its regency in the set's order
    /// (<see cref="DemoBatch2018Ids"/>), by which the Transformation's demo finds it to dissolve it.
    /// </summary>
    public static IReadOnlyList<(Guid Id, Register.Request Request)> Identified(IReadOnlyList<Register.Request> approved)
    {
        ArgumentNullException.ThrowIfNull(approved);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        return [.. approved.Select(request =>
        {
            var index = seen.GetValueOrDefault(request.Address.RegencyCode);
            seen[request.Address.RegencyCode] = index + 1;
            return (DemoBatch2018Ids.CooperativeId(request.Address.RegencyCode, index), request);
        })];
    }

    /// <summary>
    /// The approved koperasi are gone from today's register (dissolved in 2019), so they are not among
    /// the koperasi of <see cref="DemoTargets"/>: they are registered in addition, each one tidak aktif
    /// on <see cref="ProposedFrom"/> by the activity rule (its last RAT for a financial year at least
    /// the rule's number of years before the last due one, or none) and founded before then. They
    /// stop counting in the statistics when their dissolution takes effect.
    /// </summary>
    internal static IEnumerable<DemoSlot> Slots(DemoDissolution2018 batch, Random random) =>
        batch.Approved.SelectMany(r => Enumerable.Range(0, r.Count).Select(_ => new DemoSlot(
            r.Code,
            ActivityStatus.TidakAktif,
            SupervisionLevel.KabupatenKota,
            random.Weighted([(0.25, CooperativeType.Produsen), (0.55, CooperativeType.Konsumen), (0.08, CooperativeType.SimpanPinjam), (0.07, CooperativeType.Jasa), (0.05, CooperativeType.Pemasaran)]),
            random.Chance(0.02) ? CooperativeForm.Sekunder : CooperativeForm.Primer,
            MerahPutih: false)));
}

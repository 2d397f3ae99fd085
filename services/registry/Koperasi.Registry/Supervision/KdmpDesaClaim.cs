using Koperasi.Registry.Cooperatives;
using Koperasi.ServiceDefaults.Decisions;

namespace Koperasi.Registry.Supervision;

/// <summary>
/// A desa has at most one KDMP. Like <see cref="Cooperatives.IdentifierClaim"/>, the claim is a
/// document keyed by the desa code, inserted in the same transaction as the <see cref="KdmpMarked"/>
/// event, so two koperasi marked for one desa at once cannot both commit. The claim ends when its
/// koperasi is dissolved, merged or amalgamated away (ADR 0019): from that day the desa can have
/// a new KDMP.
/// </summary>
/// <param name="Id">The desa's Kemendagri code.</param>
/// <param name="CooperativeId">The koperasi that is its KDMP.</param>
public sealed record KdmpDesaClaim(string Id, Guid CooperativeId)
{
    /// <summary>The claim the events stage, if one of them marks a KDMP.</summary>
    public static KdmpDesaClaim? GivenBy(IEnumerable<object> events) =>
        events.OfType<KdmpMarked>().Select(m => new KdmpDesaClaim(m.DesaCode, m.CooperativeId)).FirstOrDefault();

    /// <summary>409 when the desa already has another koperasi as its KDMP.</summary>
    public static DomainError? Check(KdmpDesaClaim? held, Guid cooperativeId) => held is not null && held.CooperativeId != cooperativeId
        ? Taken(held.Id, held.CooperativeId)
        : null;

    /// <summary>
    /// A desa whose claim is free may still have had a KDMP that was dissolved (or merged or
    /// amalgamated away): the new one is marked from the day the previous one ended, so the desa never
    /// has two KDMP on one day. <paramref name="previous"/> are the other koperasi marked for the desa.
    /// </summary>
    public static DomainError? CheckPrevious(IEnumerable<CooperativeSupervision> previous, Guid cooperativeId, KdmpMarked marking)
    {
        var others = previous.Where(p => p.CooperativeId != cooperativeId && p.Kdmp?.DesaCode == marking.DesaCode).ToList();
        if (others.FirstOrDefault(p => p.DissolvedOn is null) is { } holder)
        {
            return Taken(marking.DesaCode, holder.CooperativeId);
        }

        return others.Where(p => p.DissolvedOn > marking.MarkedOn).OrderByDescending(p => p.DissolvedOn).FirstOrDefault() is { } later
            ? DomainError.Unprocessable(
                "kdmp-before-previous-ended",
                $"Desa {marking.DesaCode} had koperasi {later.CooperativeId} as its KDMP until it was dissolved on {later.DissolvedOn:yyyy-MM-dd}; a new KDMP is marked from that day on.",
                "markedOn")
            : null;
    }

    /// <summary>
    /// The koperasi whose desa claims end with what a transformation decided: those it dissolves
    /// (a dissolution, or being merged or amalgamated into another).
    /// </summary>
    public static IReadOnlyList<Guid> EndedBy(TransformationDecision decision) =>
        [.. decision.Streams.Where(s => s.Events.OfType<DissolutionRecorded>().Any()).Select(s => s.CooperativeId)];

    /// <summary>The answer when the desa's KDMP is another koperasi (known), or was claimed at the same moment (unknown).</summary>
    public static DomainError Taken(string desaCode, Guid? holder = null) => DomainError.Conflict(
        "desa-already-has-kdmp",
        $"Desa {desaCode} already has a KDMP ({(holder is { } id ? $"koperasi {id}" : "another koperasi")}); a desa has at most one.",
        "desaCode");
}

using Koperasi.ServiceDefaults.Decisions;

namespace Koperasi.Registry.Supervision;

/// <summary>
/// A desa has at most one KDMP. Like <see cref="Cooperatives.IdentifierClaim"/>, the claim is a
/// document keyed by the desa code, inserted in the same transaction as the <see cref="KdmpMarked"/>
/// event, so two koperasi marked for one desa at once cannot both commit.
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

    /// <summary>The answer when the desa's KDMP is another koperasi (known), or was claimed at the same moment (unknown).</summary>
    public static DomainError Taken(string desaCode, Guid? holder = null) => DomainError.Conflict(
        "desa-already-has-kdmp",
        $"Desa {desaCode} already has a KDMP ({(holder is { } id ? $"koperasi {id}" : "another koperasi")}); a desa has at most one.",
        "desaCode");
}

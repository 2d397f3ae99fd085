using Koperasi.ServiceDefaults.Identity;
using Koperasi.ServiceDefaults.Streams;

namespace Koperasi.Registry.Cooperatives;

/// <summary>A change to a registered koperasi: the platform's <see cref="StreamStep{T}"/> on its stream.</summary>
public static class CooperativeSteps
{
    /// <summary>The koperasi's stream step: a pembina acts only on a koperasi of its own regencies.</summary>
    public static StreamStep<Cooperative> Step { get; } = new(
        "koperasi",
        Cooperative.Fold,
        (current, version) => current with { Version = version },
        (user, current) => user.MayActOnRegency(current.Address.RegencyCode)
            ? null
            : OutsideRegency.Problem(current.Address.RegencyCode, "id"));
}

using static Koperasi.ServiceDefaults.Identity.KoperasiRoles;

namespace Koperasi.Transformation;

/// <summary>
/// Who may do what with transformation cases. A pembina's changes are further limited to cases
/// whose every regency is one of its own (<see cref="ServiceDefaults.Identity.Caller.MayActOnRegency"/>).
/// </summary>
public static class TransformationPolicies
{
    /// <summary>Read cases, their timelines, the koperasi that may take part, and the statistics.</summary>
    public const string Read = "transformation:read";

    /// <summary>Propose a case and record its steps: the members' meetings, the deed, the ratification, a withdrawal.</summary>
    public const string Write = "transformation:write";

    /// <summary>Operate the service: replay its published events.</summary>
    public const string Operate = "transformation:operate";

    /// <summary>Replay the published events to one's own queue: downstream systems.</summary>
    public const string Subscribe = "transformation:subscribe";

    public static IReadOnlyDictionary<string, string[]> All { get; } = new Dictionary<string, string[]>
    {
        [Read] = [AdminProvinsi, Pembina, Auditor, Service],
        [Write] = [AdminProvinsi, Pembina],
        [Operate] = [AdminProvinsi],
        [Subscribe] = [Service],
    };
}

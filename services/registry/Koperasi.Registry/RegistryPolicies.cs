using static Koperasi.ServiceDefaults.Identity.KoperasiRoles;

namespace Koperasi.Registry;

/// <summary>
/// Who may do what in the Registry. Writes are further limited to the caller's regencies
/// (<see cref="ServiceDefaults.Identity.Caller.MayActOnRegency"/>).
/// </summary>
public static class RegistryPolicies
{
    /// <summary>Read the register and its statistics: every role (the register holds no citizen's personal data).</summary>
    public const string Read = "registry:read";

    /// <summary>Read who did what: supervisors and auditors.</summary>
    public const string History = "registry:history";

    /// <summary>Register koperasi, report RATs, change details, import a register.</summary>
    public const string Write = "registry:write";

    /// <summary>Follow imports.</summary>
    public const string ReadImports = "registry:read-imports";

    /// <summary>Operate the service: re-evaluate activity on demand.</summary>
    public const string Operate = "registry:operate";

    /// <summary>Designate flagship koperasi and mark a koperasi as the KDMP of a desa: the Dinas.</summary>
    public const string Designate = "registry:designate";

    /// <summary>Publish a statistics figure (freeze a table): the Dinas, at province level.</summary>
    public const string Publish = "registry:publish";

    /// <summary>Replay the published events to one's own queue: downstream systems.</summary>
    public const string Subscribe = "registry:subscribe";

    public static IReadOnlyDictionary<string, string[]> All { get; } = new Dictionary<string, string[]>
    {
        [Read] = [.. ServiceDefaults.Identity.KoperasiRoles.All],
        [History] = [AdminProvinsi, Pembina, Auditor],
        [Write] = [AdminProvinsi, Pembina],
        [ReadImports] = [AdminProvinsi, Pembina, Auditor],
        [Operate] = [AdminProvinsi],
        [Designate] = [AdminProvinsi],
        [Publish] = [AdminProvinsi],
        [Subscribe] = [Service],
    };
}

using static Koperasi.ServiceDefaults.Identity.KoperasiRoles;

namespace Koperasi.Funding;

/// <summary>
/// Who may do what in Funding. A pendamping is further limited to the applications of its
/// regencies (<see cref="ServiceDefaults.Identity.Caller.MayActOnRegency"/>), for reads too.
/// </summary>
public static class FundingPolicies
{
    /// <summary>Open programmes and change their budget, categories, quotas, rules and schedule.</summary>
    public const string ManageProgrammes = "funding:manage-programmes";

    /// <summary>Read programmes (no personal data): officers who work with them, auditors, machines.</summary>
    public const string ReadProgrammes = "funding:read-programmes";

    /// <summary>Submit an application (a pendamping in its regencies).</summary>
    public const string Submit = "funding:submit";

    /// <summary>Read applications, the applicant shown with the NIK masked.</summary>
    public const string ReadApplications = "funding:read-applications";

    /// <summary>Read who did what to an application.</summary>
    public const string ReadHistory = "funding:read-history";

    /// <summary>Check documents, decide eligibility, issue decree batches, close and cancel.</summary>
    public const string Decide = "funding:decide";

    /// <summary>Order the disbursement of a decreed grant into the recipient's account, and retry a failed one.</summary>
    public const string Disburse = "funding:disburse";

    /// <summary>Field verification and monitoring visits (a pendamping in its regencies).</summary>
    public const string FieldWork = "funding:field-work";

    /// <summary>Cancel an application before disbursement.</summary>
    public const string Cancel = "funding:cancel";

    /// <summary>Read an applicant's personal data in clear, with a purpose the vault records.</summary>
    public const string Reveal = "funding:reveal";

    /// <summary>Erase an applicant's personal data.</summary>
    public const string Erase = "funding:erase";

    /// <summary>Read who read an applicant's personal data in clear, when and why, and its erasure: those who supervise its use.</summary>
    public const string ReadAccessLog = "funding:read-access-log";

    /// <summary>Read the reports (no personal data).</summary>
    public const string Reports = "funding:reports";

    /// <summary>Operate the service: replay the relay; the personal-data keys and the breach report.</summary>
    public const string Operate = "funding:operate";

    /// <summary>Replay the published events to one's own queue: downstream systems.</summary>
    public const string Subscribe = "funding:subscribe";

    public static IReadOnlyDictionary<string, string[]> All { get; } = new Dictionary<string, string[]>
    {
        [ManageProgrammes] = [AdminProvinsi],
        [ReadProgrammes] = [AdminProvinsi, Pendamping, Verifikator, Auditor, Service],
        [Submit] = [AdminProvinsi, Pendamping],
        [ReadApplications] = [AdminProvinsi, Pendamping, Verifikator, Auditor],
        [ReadHistory] = [AdminProvinsi, Verifikator, Auditor],
        [Decide] = [AdminProvinsi, Verifikator],
        [Disburse] = [AdminProvinsi, Verifikator],
        [FieldWork] = [AdminProvinsi, Pendamping],
        [Cancel] = [AdminProvinsi, Pendamping, Verifikator],
        [Reveal] = [AdminProvinsi, Pendamping, Verifikator],
        [Erase] = [AdminProvinsi],
        [ReadAccessLog] = [AdminProvinsi, Auditor],
        [Reports] = [.. ServiceDefaults.Identity.KoperasiRoles.All],
        [Operate] = [AdminProvinsi],
        [Subscribe] = [Service],
    };
}

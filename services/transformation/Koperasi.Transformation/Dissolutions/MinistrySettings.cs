using Koperasi.ServiceDefaults.Http;

namespace Koperasi.Transformation.Dissolutions;

/// <summary>
/// The ministry's dissolution API and how patiently it is called (configuration section
/// <c>Ministry</c>; the common settings of <see cref="OutsidePartySettings"/>, with longer timeouts than
/// the bank's: the ministry answers a whole batch). Every attempt to send a batch carries the batch's
/// idempotency key, so retrying never registers a batch twice.
/// </summary>
public sealed class MinistrySettings : OutsidePartySettings
{
    public const string Section = "Ministry";

    public MinistrySettings()
    {
        AttemptTimeout = TimeSpan.FromSeconds(15);
        TotalTimeout = TimeSpan.FromMinutes(2);
        SamplingDuration = TimeSpan.FromSeconds(60);
    }

    protected override string SectionName => Section;

    protected override string ExampleAddress => "http://127.0.0.1:5191";
}

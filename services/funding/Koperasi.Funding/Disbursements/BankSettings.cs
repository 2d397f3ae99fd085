using Koperasi.ServiceDefaults.Http;

namespace Koperasi.Funding.Disbursements;

/// <summary>
/// The bank that pays the grants and how patiently it is called (configuration section
/// <c>Bank</c>; the common settings of <see cref="OutsidePartySettings"/>). Every attempt carries the
/// disbursement's idempotency key, so retrying a transfer never pays it twice.
/// </summary>
public sealed class BankSettings : OutsidePartySettings
{
    public const string Section = "Bank";

    /// <summary>
    /// Whether this process takes part in the election of the replica that sends the requested
    /// disbursements to the bank (one at a time per database). An opt-out. Should two ever send
    /// (a lock lost mid-round), the idempotency key and the stream version keep each grant paid
    /// and recorded once.
    /// </summary>
    public bool Processing { get; set; } = true;

    /// <summary>How often the processor looks for disbursements requested by another process or left by a restart.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Disbursements taken per round.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>Transfers in flight at once.</summary>
    public int Parallelism { get; set; } = 4;

    protected override string SectionName => Section;

    protected override string ExampleAddress => "http://127.0.0.1:5190";

    protected override void CheckMore(List<string> problems)
    {
        if (PollInterval <= TimeSpan.Zero || BatchSize < 1 || Parallelism < 1)
        {
            problems.Add("PollInterval is positive, BatchSize and Parallelism at least 1");
        }
    }
}

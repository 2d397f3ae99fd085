namespace Koperasi.Funding.Disbursements;

/// <summary>
/// The bank that pays the grants and how patiently it is called (configuration section
/// <c>Bank</c>). Every attempt carries the disbursement's idempotency key, so retrying a transfer
/// never pays it twice.
/// </summary>
public sealed class BankSettings
{
    public const string Section = "Bank";

    /// <summary>The bank's transfer API.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>How long one call may take before it is abandoned and retried.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries after the first call, with exponential backoff and jitter.</summary>
    public int MaxRetryAttempts { get; set; } = 4;

    /// <summary>The first retry's delay; each next one roughly doubles.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a transfer may take with all its retries before it counts as failed.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The share of failed calls within <see cref="SamplingDuration"/> that opens the circuit.</summary>
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>Calls within <see cref="SamplingDuration"/> before the circuit may open.</summary>
    public int MinimumThroughput { get; set; } = 10;

    /// <summary>The window the circuit breaker measures failures in; at least twice <see cref="AttemptTimeout"/>.</summary>
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit lets no call through; the disbursements wait meanwhile.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);

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

    public void Validate()
    {
        var problems = new List<string>();
        if (BaseAddress is not { IsAbsoluteUri: true })
        {
            problems.Add("BaseAddress is an absolute URL, e.g. http://127.0.0.1:5190");
        }

        if (AttemptTimeout <= TimeSpan.Zero || TotalTimeout < AttemptTimeout)
        {
            problems.Add("AttemptTimeout is positive and TotalTimeout at least AttemptTimeout");
        }

        if (MaxRetryAttempts is < 1 or > 20 || RetryDelay < TimeSpan.Zero)
        {
            problems.Add("MaxRetryAttempts is 1 to 20 and RetryDelay not negative");
        }

        if (FailureRatio is <= 0 or > 1 || MinimumThroughput < 2 || BreakDuration < TimeSpan.FromMilliseconds(500)
            || SamplingDuration < 2 * AttemptTimeout || SamplingDuration < TimeSpan.FromMilliseconds(500))
        {
            problems.Add("FailureRatio is in (0, 1], MinimumThroughput at least 2, BreakDuration and SamplingDuration at least 0.5 s, SamplingDuration at least twice AttemptTimeout");
        }

        if (PollInterval <= TimeSpan.Zero || BatchSize < 1 || Parallelism < 1)
        {
            problems.Add("PollInterval is positive, BatchSize and Parallelism at least 1");
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"{Section}: {string.Join("; ", problems)}.");
        }
    }
}

namespace Koperasi.Transformation.Dissolutions;

/// <summary>
/// The ministry's dissolution API and how patiently it is called (configuration section
/// <c>Ministry</c>). Every attempt to send a batch carries the batch's idempotency key, so retrying
/// never registers a batch twice.
/// </summary>
public sealed class MinistrySettings
{
    public const string Section = "Ministry";

    public Uri? BaseAddress { get; set; }

    /// <summary>How long one call may take before it is abandoned and retried.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Retries after the first call, with exponential backoff and jitter.</summary>
    public int MaxRetryAttempts { get; set; } = 4;

    /// <summary>The first retry's delay; each next one roughly doubles.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a call may take with all its retries.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The share of failed calls within <see cref="SamplingDuration"/> that opens the circuit.</summary>
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>Calls within <see cref="SamplingDuration"/> before the circuit may open.</summary>
    public int MinimumThroughput { get; set; } = 10;

    /// <summary>The window the circuit breaker measures failures in; at least twice <see cref="AttemptTimeout"/>.</summary>
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long an open circuit lets no call through.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    public void Validate()
    {
        var problems = new List<string>();
        if (BaseAddress is not { IsAbsoluteUri: true })
        {
            problems.Add("BaseAddress is an absolute URL, e.g. http://127.0.0.1:5191");
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

        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"{Section}: {string.Join("; ", problems)}.");
        }
    }
}

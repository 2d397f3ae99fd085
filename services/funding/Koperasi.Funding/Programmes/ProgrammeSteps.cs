using Koperasi.ServiceDefaults.Streams;

namespace Koperasi.Funding.Programmes;

/// <summary>A change to an open programme: the platform's <see cref="StreamStep{T}"/> on its stream.</summary>
public static class ProgrammeSteps
{
    /// <summary>The programme's stream step; the endpoint's policy is the whole authorization (a programme has no regency).</summary>
    public static StreamStep<Programme> Step { get; } = new(
        "programme",
        Programme.Fold,
        (current, version) => current with { Version = version });
}

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

    /// <summary>
    /// A decree batch: serialized on the programme's stream (ADR 0029). Batches wait for each other on
    /// the programme's row instead of losing races, and an If-Match that only other batches have
    /// passed since is still what the officer saw: the budget and the quotas are checked again on the
    /// locked programme.
    /// </summary>
    public static StreamStep<Programme> DecreeStep { get; } = new(
        "programme",
        Programme.Fold,
        (current, version) => current with { Version = version },
        unchangedSince: current => current.TermsVersion);
}

namespace Koperasi.Demo;

/// <summary>
/// The ids both demo tools give the 2018 dissolution batch: the Registry's demo registers the
/// koperasi the ministry approved under <see cref="CooperativeId"/> (the n-th of its regency, in the
/// order of its set), and the Transformation's demo finds them by the same ids, from its own count
/// per regency, to propose and dissolve them. The same ids on every run, so a second run recognises them.
/// </summary>
public static class DemoBatch2018Ids
{
    /// <summary>The <paramref name="index"/>-th approved koperasi (from 0) of the regency <paramref name="regencyCode"/>.</summary>
    public static Guid CooperativeId(string regencyCode, int index) => Deterministic($"dissolution-2018/cooperative/{regencyCode}/{index}");

    /// <summary>The government-path case of a koperasi in the batch.</summary>
    public static Guid CaseId(Guid cooperativeId) => Deterministic($"dissolution-2018/case/{cooperativeId:N}");

    /// <summary>The batch itself.</summary>
    public static Guid BatchId { get; } = Deterministic("dissolution-2018/batch");

    private static Guid Deterministic(string key) =>
        new(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)).AsSpan(0, 16));
}

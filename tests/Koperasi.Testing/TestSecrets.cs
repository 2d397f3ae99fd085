using System.Security.Cryptography;

namespace Koperasi.Testing;

/// <summary>Keys of the personal-data vault, made for this run only (never the development ones).</summary>
public static class TestSecrets
{
    /// <summary>The run's <c>PersonalData:MasterKey</c>.</summary>
    public static string PersonalDataMasterKey { get; } = NewKey();

    /// <summary>The run's <c>PersonalData:NikHashKey</c>.</summary>
    public static string PersonalDataNikHashKey { get; } = NewKey();

    /// <summary>Base64 of 32 fresh random bytes: another key for a test that needs one.</summary>
    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}

using System.Security.Cryptography;
using System.Text;
using Koperasi.ServiceDefaults.PersonalData;
using Koperasi.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Koperasi.ServiceDefaults.Tests.PersonalData;

/// <summary>A service with a missing or weak vault key does not start, and says which setting is wrong.</summary>
public sealed class VaultConfigurationTests
{
    private static HostApplicationBuilder Builder(string? masterKey, string? nikHashKey, params string[] previousMasterKeys)
    {
        var builder = Host.CreateApplicationBuilder();
        var settings = new Dictionary<string, string?>
        {
            ["PersonalData:MasterKey"] = masterKey,
            ["PersonalData:NikHashKey"] = nikHashKey,
        };
        for (var i = 0; i < previousMasterKeys.Length; i++)
        {
            settings[$"PersonalData:PreviousMasterKeys:{i}"] = previousMasterKeys[i];
        }

        builder.Configuration.AddInMemoryCollection(settings);
        return builder;
    }

    private static string Base64(byte[] bytes) => Convert.ToBase64String(bytes);

    public static TheoryData<string, string?> WeakKeys => new()
    {
        { "missing", null },
        { "empty", "" },
        { "not base64", "this is not base64!" },
        { "128 bits", Base64(RandomNumberGenerator.GetBytes(16)) },
        { "512 bits", Base64(RandomNumberGenerator.GetBytes(64)) },
        { "all zeros", Base64(new byte[32]) },
        { "a repeated pattern", Base64([.. Enumerable.Range(0, 32).Select(i => (byte)(i % 8))]) },
        { "a typed password", Base64(Encoding.ASCII.GetBytes("Dinas-Koperasi-Jambi-2026-rahsia")) },
    };

    [Theory]
    [MemberData(nameof(WeakKeys))]
    public void A_missing_or_weak_master_key_stops_the_start_naming_the_setting(string what, string? masterKey)
    {
        var refused = Should.Throw<InvalidOperationException>(
            () => Builder(masterKey, TestSecrets.PersonalDataNikHashKey).AddPersonalDataVault(), what);

        refused.Message.ShouldContain("PersonalData:MasterKey");
        if (!string.IsNullOrEmpty(masterKey))
        {
            refused.Message.ShouldNotContain(masterKey);
        }
    }

    [Theory]
    [MemberData(nameof(WeakKeys))]
    public void A_missing_or_weak_NIK_hash_key_stops_the_start_naming_the_setting(string what, string? nikHashKey)
    {
        var refused = Should.Throw<InvalidOperationException>(
            () => Builder(TestSecrets.PersonalDataMasterKey, nikHashKey).AddPersonalDataVault(), what);

        refused.Message.ShouldContain("PersonalData:NikHashKey");
    }

    [Fact]
    public void A_weak_previous_master_key_stops_the_start_naming_it()
    {
        var refused = Should.Throw<InvalidOperationException>(
            () => Builder(TestSecrets.PersonalDataMasterKey, TestSecrets.PersonalDataNikHashKey, TestSecrets.NewKey(), Base64(new byte[32])).AddPersonalDataVault());

        refused.Message.ShouldContain("PersonalData:PreviousMasterKeys:1");
    }

    [Fact]
    public void The_NIK_hash_key_must_not_be_a_master_key()
    {
        var key = TestSecrets.NewKey();

        Should.Throw<InvalidOperationException>(() => Builder(key, key).AddPersonalDataVault())
            .Message.ShouldContain("PersonalData:NikHashKey");
        Should.Throw<InvalidOperationException>(() => Builder(TestSecrets.NewKey(), key, key).AddPersonalDataVault())
            .Message.ShouldContain("PersonalData:NikHashKey");
    }

    [Fact]
    public void Good_keys_register_the_vault_once_however_often_it_is_added()
    {
        var builder = Builder(TestSecrets.NewKey(), TestSecrets.NewKey());

        builder.AddPersonalDataVault().AddPersonalDataVault();

        builder.Services.Count(d => d.ServiceType == typeof(IPersonalDataVault)).ShouldBe(1);
        builder.Services.Single(d => d.ServiceType == typeof(IPersonalDataVault)).Lifetime.ShouldBe(ServiceLifetime.Scoped);
    }

    [Fact]
    public void A_master_key_is_named_by_its_fingerprint_and_the_NIK_hash_ignores_separators()
    {
        var master = TestSecrets.NewKey();
        var keys = PersonalDataKeyRing.From(new PersonalDataSettings { MasterKey = master, NikHashKey = TestSecrets.NewKey() });
        var same = PersonalDataKeyRing.From(new PersonalDataSettings { MasterKey = master, NikHashKey = TestSecrets.NewKey() });
        var other = PersonalDataKeyRing.From(new PersonalDataSettings { MasterKey = TestSecrets.NewKey(), NikHashKey = TestSecrets.NewKey() });

        same.CurrentMasterKeyId.ShouldBe(keys.CurrentMasterKeyId);
        other.CurrentMasterKeyId.ShouldNotBe(keys.CurrentMasterKeyId);
        keys.CurrentMasterKeyId.ShouldNotContain(master);
        keys.HashNik("1571 0145 0790 0001").ShouldBe(keys.HashNik("1571014507900001"));
        keys.HashNik("15.71.01.450790.0001").ShouldBe(keys.HashNik("1571014507900001"));
        keys.HashNik("1571014507900002").ShouldNotBe(keys.HashNik("1571014507900001"));
        same.HashNik("1571014507900001").ShouldNotBe(keys.HashNik("1571014507900001"));
        Should.Throw<ArgumentException>(() => keys.HashNik("15710145079000011")).Message.ShouldNotContain("15710145079000011");
        Should.Throw<ArgumentException>(() => keys.HashNik("1571O14507900001"));
    }
}

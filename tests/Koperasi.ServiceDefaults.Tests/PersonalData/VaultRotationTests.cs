using Koperasi.Testing;

namespace Koperasi.ServiceDefaults.Tests.PersonalData;

/// <summary>Rotating the master key: the old one only unwraps, re-wrapping moves every key off it.</summary>
public sealed class VaultRotationTests(VaultFixture fixture) : IClassFixture<VaultFixture>
{
    [Fact]
    public async Task After_a_rotation_and_a_rewrap_only_the_new_master_key_is_needed()
    {
        var oldMasterKey = TestSecrets.PersonalDataMasterKey;
        var newMasterKey = TestSecrets.NewKey();
        var applicants = new[] { People.NewApplicant(), People.NewApplicant(), People.NewApplicant() };
        var people = new List<Guid>();
        foreach (var applicant in applicants)
        {
            people.Add(await fixture.Host.FileAsync(applicant));
        }

        var oldId = fixture.Host.Keys.CurrentMasterKeyId;
        await using var rotated = await fixture.StartHostAsync(newMasterKey, oldMasterKey);
        var newId = rotated.Keys.CurrentMasterKeyId;
        newId.ShouldNotBe(oldId);
        (await rotated.Vault.RevealAsync<Applicant>(people[0], "Uji rotasi", CancellationToken.None)).ShouldBe(applicants[0]);
        var later = await rotated.FileAsync(People.NewApplicant());
        (await rotated.Rotation.CountByMasterKeyAsync(CancellationToken.None))
            .ShouldBe(new Dictionary<string, int> { [oldId] = 3, [newId] = 1 }, ignoreOrder: true);

        (await rotated.Rotation.RewrapAsync(CancellationToken.None)).ShouldBe(3);

        (await rotated.Rotation.CountByMasterKeyAsync(CancellationToken.None))
            .ShouldBe(new Dictionary<string, int> { [newId] = 4 }, ignoreOrder: true);
        await using var newOnly = await fixture.StartHostAsync(newMasterKey);
        for (var i = 0; i < people.Count; i++)
        {
            (await newOnly.Vault.RevealAsync<Applicant>(people[i], "Uji rotasi", CancellationToken.None)).ShouldBe(applicants[i]);
        }

        (await newOnly.Vault.RevealAsync<Applicant>(later, "Uji rotasi", CancellationToken.None)).ShouldNotBeNull();
        await Should.ThrowAsync<System.Security.Cryptography.CryptographicException>(
            () => fixture.Host.Vault.RevealAsync<Applicant>(people[0], "Uji rotasi", CancellationToken.None));
        (await rotated.Rotation.RewrapAsync(CancellationToken.None)).ShouldBe(0);
    }
}

using System.Security.Cryptography;
using Koperasi.ServiceDefaults.PersonalData;
using Koperasi.Testing;

namespace Koperasi.ServiceDefaults.Tests.PersonalData;

/// <summary>
/// The keys: one per person, wrapped under the master key, bound to the person; a record opens
/// only under its own person's key and the master key that wrapped it, and any change is detected.
/// </summary>
public sealed class VaultCryptoTests(VaultFixture fixture) : IClassFixture<VaultFixture>
{
    private readonly VaultHost _host = fixture.Host;

    private Task<Applicant?> RevealAsync(Guid personId, VaultHost? host = null) =>
        (host ?? _host).Vault.RevealAsync<Applicant>(personId, "Pemeriksaan kunci", CancellationToken.None);

    private async Task<(PersonalDataKey Key, PersonalDataRecord Record)> DocumentsOfAsync(Guid personId) =>
        ((await _host.LoadAsync<PersonalDataKey>(personId)).ShouldNotBeNull(), (await _host.LoadAsync<PersonalDataRecord>(personId)).ShouldNotBeNull());

    private static byte[] Flipped(byte[] bytes, int index = 0)
    {
        var copy = (byte[])bytes.Clone();
        copy[index] ^= 0x01;
        return copy;
    }

    private static async Task ShouldNotOpenAsync(Task<Applicant?> reveal, Applicant applicant)
    {
        var refused = await Should.ThrowAsync<CryptographicException>(reveal);
        for (var e = (Exception?)refused; e is not null; e = e.InnerException)
        {
            e.Message.ShouldNotContain(applicant.Nik);
            e.Message.ShouldNotContain(applicant.BankAccount);
        }
    }

    [Fact]
    public async Task Each_person_gets_a_data_key_of_their_own()
    {
        var people = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            people.Add(await _host.FileAsync(People.NewApplicant()));
        }

        var dataKeys = new List<string>();
        foreach (var personId in people)
        {
            var (key, record) = await DocumentsOfAsync(personId);
            key.MasterKeyId.ShouldBe(_host.Keys.CurrentMasterKeyId);
            record.DataKeyId.ShouldBe(key.DataKeyId);
            var dataKey = _host.Keys.Unwrap(key);
            dataKey.Length.ShouldBe(32);
            dataKeys.Add(Convert.ToHexString(dataKey));
        }

        dataKeys.Distinct().Count().ShouldBe(people.Count);
    }

    [Fact]
    public async Task A_record_does_not_open_under_another_persons_key()
    {
        var applicant = People.NewApplicant();
        var victim = await _host.FileAsync(applicant);
        var other = await _host.FileAsync(People.NewApplicant());
        var (_, victimRecord) = await DocumentsOfAsync(victim);
        var (otherKey, _) = await DocumentsOfAsync(other);

        // The victim's ciphertext put in the other person's place, naming the other person's key.
        await _host.ReplaceAsync(victimRecord with { Id = other, DataKeyId = otherKey.DataKeyId });

        await ShouldNotOpenAsync(RevealAsync(other), applicant);
        Should.Throw<AuthenticationTagMismatchException>(() => PersonalDataCipher.Open(
            _host.Keys.Unwrap(otherKey), victimRecord.Nonce, victimRecord.Ciphertext, victimRecord.Tag,
            PersonalDataDocuments.RecordAssociatedData(victim, victimRecord.DataKeyId)));
    }

    [Fact]
    public async Task A_key_and_record_copied_under_another_pseudonym_do_not_open()
    {
        var applicant = People.NewApplicant();
        var victim = await _host.FileAsync(applicant);
        var (key, record) = await DocumentsOfAsync(victim);
        var impostor = Guid.CreateVersion7();

        await _host.ReplaceAsync(key with { Id = impostor });
        await _host.ReplaceAsync(record with { Id = impostor });

        await ShouldNotOpenAsync(RevealAsync(impostor), applicant);
        (await RevealAsync(victim)).ShouldBe(applicant);
    }

    [Fact]
    public async Task A_changed_record_is_detected()
    {
        var applicant = People.NewApplicant();
        var personId = await _host.FileAsync(applicant);
        var (_, record) = await DocumentsOfAsync(personId);

        await _host.ReplaceAsync(record with { Ciphertext = Flipped(record.Ciphertext, record.Ciphertext.Length / 2) });
        await ShouldNotOpenAsync(RevealAsync(personId), applicant);

        await _host.ReplaceAsync(record with { Tag = Flipped(record.Tag) });
        await ShouldNotOpenAsync(RevealAsync(personId), applicant);

        await _host.ReplaceAsync(record);
        (await RevealAsync(personId)).ShouldBe(applicant);
    }

    [Fact]
    public async Task A_changed_wrapped_key_is_detected()
    {
        var applicant = People.NewApplicant();
        var personId = await _host.FileAsync(applicant);
        var (key, _) = await DocumentsOfAsync(personId);

        await _host.ReplaceAsync(key with { WrappedKey = Flipped(key.WrappedKey, 5) });

        await ShouldNotOpenAsync(RevealAsync(personId), applicant);
    }

    [Fact]
    public async Task A_record_does_not_open_under_another_master_key()
    {
        var applicant = People.NewApplicant();
        var personId = await _host.FileAsync(applicant);
        var (key, _) = await DocumentsOfAsync(personId);
        var otherMasterKey = TestSecrets.NewKey();
        await using var otherService = await fixture.StartHostAsync(otherMasterKey);

        // A service started with another master key cannot unwrap the key at all...
        await ShouldNotOpenAsync(RevealAsync(personId, otherService), applicant);
        // ...nor when the key document is relabelled to claim that master key.
        await _host.ReplaceAsync(key with { MasterKeyId = otherService.Keys.CurrentMasterKeyId });
        await ShouldNotOpenAsync(RevealAsync(personId, otherService), applicant);
        await ShouldNotOpenAsync(RevealAsync(personId), applicant);

        await _host.ReplaceAsync(key);
        (await RevealAsync(personId)).ShouldBe(applicant);
    }
}

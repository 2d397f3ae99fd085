using System.Security.Cryptography;
using System.Text;

namespace Koperasi.ServiceDefaults.PersonalData;

/// <summary>
/// The vault's keys from configuration, checked once at start-up: the current master key (wraps),
/// the previous ones (only unwrap) and the NIK hash key. A master key's id is a fingerprint of the
/// key, so no configuration can pair a key with the wrong id.
/// </summary>
internal sealed class PersonalDataKeyRing
{
    private const string MasterKeyName = $"{PersonalDataSettings.Section}:{nameof(PersonalDataSettings.MasterKey)}";
    private const string PreviousName = $"{PersonalDataSettings.Section}:{nameof(PersonalDataSettings.PreviousMasterKeys)}";
    private const string NikHashKeyName = $"{PersonalDataSettings.Section}:{nameof(PersonalDataSettings.NikHashKey)}";
    private const int MinimumDistinctBytes = 16;

    private readonly Dictionary<string, byte[]> _masterKeys = [];
    private readonly byte[] _nikHashKey;

    private PersonalDataKeyRing(byte[] current, IEnumerable<byte[]> previous, byte[] nikHashKey)
    {
        CurrentMasterKeyId = IdOf(current);
        _masterKeys[CurrentMasterKeyId] = current;
        foreach (var key in previous)
        {
            _masterKeys.TryAdd(IdOf(key), key);
        }

        _nikHashKey = nikHashKey;
    }

    /// <summary>The id of the master key new data keys are wrapped under.</summary>
    public string CurrentMasterKeyId { get; }

    /// <summary>Every master key id this service can unwrap, the current one first.</summary>
    public IReadOnlyCollection<string> MasterKeyIds => _masterKeys.Keys;

    /// <summary>The keys of <paramref name="settings"/>; throws a message naming the setting when one is missing or weak.</summary>
    public static PersonalDataKeyRing From(PersonalDataSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var master = Decode(settings.MasterKey, MasterKeyName, "KOPERASI_PERSONALDATA_MASTER_KEY");
        var nikHash = Decode(settings.NikHashKey, NikHashKeyName, "KOPERASI_PERSONALDATA_NIK_HASH_KEY");
        var previous = settings.PreviousMasterKeys
            .Select((key, i) => Decode(key, $"{PreviousName}:{i}", null))
            .ToList();
        if (CryptographicOperations.FixedTimeEquals(master, nikHash) || previous.Any(p => CryptographicOperations.FixedTimeEquals(p, nikHash)))
        {
            throw new InvalidOperationException($"{NikHashKeyName} must not be a master key: give each its own 32 random bytes.");
        }

        return new PersonalDataKeyRing(master, previous, nikHash);
    }

    /// <summary>A master key's public name: the first 64 bits of a SHA-256 of the key, in hex.</summary>
    public static string IdOf(ReadOnlySpan<byte> masterKey)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData([.. "koperasi/personal-data/master-key-id/v1/"u8, .. masterKey], hash);
        return "mk-" + Convert.ToHexStringLower(hash[..8]);
    }

    /// <summary>A data key wrapped under the current master key, bound to the person and the data key id.</summary>
    public PersonalDataKey Wrap(Guid personId, Guid dataKeyId, ReadOnlySpan<byte> dataKey, DateTimeOffset createdAt)
    {
        var sealedKey = PersonalDataCipher.Seal(
            _masterKeys[CurrentMasterKeyId], dataKey, PersonalDataDocuments.KeyAssociatedData(personId, dataKeyId, CurrentMasterKeyId));
        return new PersonalDataKey(personId, dataKeyId, CurrentMasterKeyId, sealedKey.Nonce, sealedKey.Ciphertext, sealedKey.Tag, createdAt);
    }

    /// <summary>The data key in clear (the caller zeroes it after use).</summary>
    /// <exception cref="CryptographicException">The master key is not configured, or the key document was altered or moved.</exception>
    public byte[] Unwrap(PersonalDataKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!_masterKeys.TryGetValue(key.MasterKeyId, out var master))
        {
            throw new CryptographicException(
                $"The data key of person {key.Id} is wrapped under master key {key.MasterKeyId}, which is neither {MasterKeyName} nor one of {PreviousName}.");
        }

        try
        {
            return PersonalDataCipher.Open(master, key.Nonce, key.WrappedKey, key.Tag, PersonalDataDocuments.KeyAssociatedData(key.Id, key.DataKeyId, key.MasterKeyId));
        }
        catch (CryptographicException e)
        {
            throw new CryptographicException(
                $"The data key of person {key.Id} does not open under master key {key.MasterKeyId}: the key document was altered or belongs to someone else.", e);
        }
    }

    /// <summary>The same data key wrapped under the current master key (the key itself when it already is).</summary>
    public PersonalDataKey Rewrap(PersonalDataKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.MasterKeyId == CurrentMasterKeyId)
        {
            return key;
        }

        var dataKey = Unwrap(key);
        try
        {
            return Wrap(key.Id, key.DataKeyId, dataKey, key.CreatedAt);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    /// <summary>
    /// The keyed hash of a NIK: HMAC-SHA256 of its 16 digits (spaces, dots and dashes between them
    /// ignored), lowercase hex.
    /// </summary>
    /// <exception cref="ArgumentException">Not a NIK (the message never repeats the value).</exception>
    public string HashNik(string nik)
    {
        ArgumentNullException.ThrowIfNull(nik);
        var digits = new StringBuilder(Nik.Length);
        foreach (var c in nik)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c is not (' ' or '.' or '-'))
            {
                throw NotANik();
            }
        }

        var normalised = digits.ToString();
        return Nik.IsNik(normalised)
            ? Convert.ToHexStringLower(HMACSHA256.HashData(_nikHashKey, Encoding.ASCII.GetBytes(normalised)))
            : throw NotANik();
    }

    private static ArgumentException NotANik() =>
        new("A NIK is 16 digits (spaces, dots and dashes between them are ignored).", "nik");

    private static byte[] Decode(string? value, string name, string? developmentVariable)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            var origin = developmentVariable is null
                ? ""
                : $" In development deploy/infra.sh generates it into .local/infra.env as {developmentVariable};";
            throw new InvalidOperationException(
                $"{name} is not set: it must be base64 of 32 random bytes (256 bits).{origin} elsewhere it comes from the secret store.");
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(value.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{name} is not base64: it must be base64 of 32 random bytes (256 bits).");
        }

        if (bytes.Length != PersonalDataCipher.KeySize)
        {
            throw new InvalidOperationException($"{name} must be 32 bytes (256 bits) in base64; it is {bytes.Length} bytes.");
        }

        // 32 random bytes have about 30 distinct values and are almost never all printable; a key of
        // zeros, a repeated pattern or a typed password is neither.
        if (bytes.Distinct().Count() < MinimumDistinctBytes || bytes.All(b => b is >= 0x20 and < 0x7f))
        {
            throw new InvalidOperationException(
                $"{name} is weak: it does not look like 32 random bytes. Generate one with `head -c 32 /dev/urandom | base64`.");
        }

        return bytes;
    }
}

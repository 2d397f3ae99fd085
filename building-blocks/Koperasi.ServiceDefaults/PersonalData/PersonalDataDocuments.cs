using Marten;

namespace Koperasi.ServiceDefaults.PersonalData;

/// <summary>
/// A person's data key, wrapped (AES-256-GCM) under the master key <paramref name="MasterKeyId"/>.
/// Deleting it is what erases the person.
/// </summary>
/// <param name="Id">The person's pseudonymous id.</param>
/// <param name="DataKeyId">Which data key this is: the record names the one it was encrypted under.</param>
/// <param name="MasterKeyId">The fingerprint of the master key that wraps it.</param>
/// <param name="Nonce">The nonce of the wrapping.</param>
/// <param name="WrappedKey">The data key, encrypted.</param>
/// <param name="Tag">The authentication tag of the wrapping.</param>
/// <param name="CreatedAt">When the data key was made.</param>
internal sealed record PersonalDataKey(Guid Id, Guid DataKeyId, string MasterKeyId, byte[] Nonce, byte[] WrappedKey, byte[] Tag, DateTimeOffset CreatedAt);

/// <summary>The JSON of a person's record, encrypted (AES-256-GCM) under the data key <paramref name="DataKeyId"/>.</summary>
internal sealed record PersonalDataRecord(Guid Id, Guid DataKeyId, byte[] Nonce, byte[] Ciphertext, byte[] Tag, DateTimeOffset StoredAt);

/// <summary>The keyed hash (HMAC-SHA256, lowercase hex) of a person's NIK, by which duplicates are found.</summary>
internal sealed record PersonalDataNikHash(Guid Id, string Hash);

/// <summary>The vault's documents: keys, records and hashes apart, so each can go on its own.</summary>
internal static class PersonalDataDocuments
{
    public static void Register(StoreOptions options)
    {
        options.Schema.For<PersonalDataKey>().DocumentAlias("personal_data_key").Duplicate(k => k.MasterKeyId);
        options.Schema.For<PersonalDataRecord>().DocumentAlias("personal_data_record");
        options.Schema.For<PersonalDataNikHash>().DocumentAlias("personal_data_nik_hash").Duplicate(h => h.Hash);
        options.Schema.For<PersonalDataAccess>().DocumentAlias("personal_data_access")
            .Duplicate(a => a.PersonId)
            .Duplicate(a => a.At)
            .Duplicate(a => a.Kind);
        options.Listeners.Add(new ErasedPersonGuard());
    }

    public static string KeyAssociatedData(Guid personId, Guid dataKeyId, string masterKeyId) =>
        $"koperasi/personal-data/key/v1/{personId:N}/{dataKeyId:N}/{masterKeyId}";

    public static string RecordAssociatedData(Guid personId, Guid dataKeyId) =>
        $"koperasi/personal-data/record/v1/{personId:N}/{dataKeyId:N}";
}

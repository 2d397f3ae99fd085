namespace Koperasi.ServiceDefaults.PersonalData;

/// <summary>
/// Settings of the "PersonalData" configuration section: the keys of the personal-data vault.
/// Never committed: generated into <c>.local/secrets</c> by <c>deploy/infra.sh</c> in development
/// (<c>KOPERASI_PERSONALDATA_MASTER_KEY</c>, <c>KOPERASI_PERSONALDATA_NIK_HASH_KEY</c>), from the
/// secret store elsewhere. Each key is base64 of 32 random bytes; a missing or weak key stops the
/// service at start-up.
/// </summary>
public sealed class PersonalDataSettings
{
    /// <summary>The configuration section.</summary>
    public const string Section = "PersonalData";

    /// <summary>
    /// The master key that wraps every person's data key (AES-256-GCM). Its id is derived from the
    /// key itself, so a new key is a new id and a wrapped data key always names the key it needs.
    /// </summary>
    public string? MasterKey { get; set; }

    /// <summary>
    /// Master keys retired by a rotation whose wrapped data keys may still be in the database: they
    /// are used only to unwrap, never to wrap. Remove one once
    /// <see cref="PersonalDataKeyRotation.RewrapAsync"/> has moved every data key off it.
    /// </summary>
    public IList<string> PreviousMasterKeys { get; } = [];

    /// <summary>
    /// The key of the HMAC-SHA256 that turns a NIK into the hash duplicates are found by. Different
    /// from the master key; changing it makes every stored hash unfindable.
    /// </summary>
    public string? NikHashKey { get; set; }
}

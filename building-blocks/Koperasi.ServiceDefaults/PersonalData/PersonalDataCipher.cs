using System.Security.Cryptography;
using System.Text;

namespace Koperasi.ServiceDefaults.PersonalData;

/// <summary>AES-256-GCM with a fresh random nonce for every encryption.</summary>
internal static class PersonalDataCipher
{
    public const int KeySize = 32;
    public const int NonceSize = 12;
    public const int TagSize = 16;

    public static Sealed Seal(ReadOnlySpan<byte> key, ReadOnlySpan<byte> plaintext, string associatedData)
    {
        var nonce = RandomNumberGenerator.GetBytes(NonceSize);
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plaintext, ciphertext, tag, Encoding.UTF8.GetBytes(associatedData));
        return new Sealed(nonce, ciphertext, tag);
    }

    /// <summary>The plaintext; throws <see cref="AuthenticationTagMismatchException"/> when anything was altered.</summary>
    public static byte[] Open(ReadOnlySpan<byte> key, byte[] nonce, byte[] ciphertext, byte[] tag, string associatedData)
    {
        if (key.Length != KeySize || nonce.Length != NonceSize || tag.Length != TagSize)
        {
            throw new AuthenticationTagMismatchException("The key, nonce or tag has the wrong length.");
        }

        var plaintext = new byte[ciphertext.Length];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(nonce, ciphertext, tag, plaintext, Encoding.UTF8.GetBytes(associatedData));
        return plaintext;
    }

    internal readonly record struct Sealed(byte[] Nonce, byte[] Ciphertext, byte[] Tag);
}

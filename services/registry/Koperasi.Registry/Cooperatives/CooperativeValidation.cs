using System.Text.RegularExpressions;
using Koperasi.ServiceDefaults.Regions;
using Koperasi.ServiceDefaults.Http;

namespace Koperasi.Registry.Cooperatives;

/// <summary>The shape checks that registration and changes of details share (answered as 400).</summary>
public static partial class CooperativeValidation
{
    /// <summary>Most board members a koperasi lists.</summary>
    public const int MaxBoard = 50;

    /// <summary>A required text (a business field may span lines): no other control characters, no personal data.</summary>
    public static void Text(RequestValidation v, string? value, string field, int maxLength) =>
        v.FreeText(value, field, maxLength);

    public static void Address(RequestValidation v, Register.AddressDto address, string field)
    {
        Text(v, address.Street, $"{field}.street", 300);
        Text(v, address.Kecamatan, $"{field}.kecamatan", 100);
        v.Name(address.Village, $"{field}.village", 100, required: false);
        v.Check(Regencies.TryNormalize(address.RegencyCode, out _), $"{field}.regencyCode",
            $"Unknown regency '{address.RegencyCode}': use a code of Jambi province such as 1571 or 15.71.");
        v.Check(address.PostalCode is null || PostalCode().IsMatch(address.PostalCode), $"{field}.postalCode", "A postal code has 5 digits.");
    }

    public static void Board(RequestValidation v, IReadOnlyList<BoardMember>? board)
    {
        v.Check((board?.Count ?? 0) <= MaxBoard, "board", $"At most {MaxBoard} board members.");
        for (var i = 0; i < Math.Min(board?.Count ?? 0, MaxBoard); i++)
        {
            v.Name(board![i].Name, $"board[{i}].name", 200);
        }
    }

    public static void Contact(RequestValidation v, Contact? contact)
    {
        v.Check(contact?.Phone is null || Phone().IsMatch(contact.Phone), "contact.phone", "A phone number has 6 to 15 digits, optionally starting with +.");
        v.Check(contact?.Email is null || (contact.Email.Length <= 254 && Email().IsMatch(contact.Email)), "contact.email", "Not an e-mail address.");
    }

    public static void Nib(RequestValidation v, string? nib) =>
        v.Check(nib is null || NibPattern().IsMatch(nib), "nib", "An NIB has 13 digits.");

    public static void NikKoperasi(RequestValidation v, NikKoperasi? nik)
    {
        if (nik is not null)
        {
            v.Code(nik.Number, "nikKoperasi.number", 50);
        }
    }

    [GeneratedRegex(@"^\d{13}$")]
    private static partial Regex NibPattern();

    [GeneratedRegex(@"^\d{5}$")]
    private static partial Regex PostalCode();

    [GeneratedRegex(@"^\+?\d{6,15}$")]
    private static partial Regex Phone();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Email();
}

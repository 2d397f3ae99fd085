using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Regions;

namespace Koperasi.Registry.Cooperatives;

/// <summary>
/// The parts of a koperasi that registration, changes of details and the transformations share,
/// checked with the platform's field rules (<see cref="FieldRules"/>, <see cref="TextRules"/>).
/// </summary>
public static class CooperativeValidation
{
    /// <summary>Most board members a koperasi lists.</summary>
    public const int MaxBoard = 50;

    public static void Address(RequestValidation v, Register.AddressDto address, string field)
    {
        v.Name(address.Street, $"{field}.street", 300);
        v.Name(address.Kecamatan, $"{field}.kecamatan", 100);
        v.Name(address.Village, $"{field}.village", 100, required: false);
        if (!Places.IsDesaCode(address.Desa))
        {
            v.Name(address.Desa, $"{field}.desa", 100, required: false);
        }
        v.Regency(address.RegencyCode, $"{field}.regencyCode");
        v.PostalCode(address.PostalCode, $"{field}.postalCode");
    }

    public static void Board(RequestValidation v, IReadOnlyList<BoardMember>? board)
    {
        v.Items(board, "board", MaxBoard);
        for (var i = 0; i < Math.Min(board?.Count ?? 0, MaxBoard); i++)
        {
            v.Name(board![i].Name, $"board[{i}].name", 200);
        }
    }

    public static void Contact(RequestValidation v, Contact? contact)
    {
        v.Phone(contact?.Phone, "contact.phone");
        v.Email(contact?.Email, "contact.email");
    }

    /// <summary>A contact as stored: blank parts absent, and no contact when both are.</summary>
    public static Contact? Present(Contact? contact)
    {
        var present = new Contact(FieldRules.Present(contact?.Phone), FieldRules.Present(contact?.Email));
        return present is { Phone: null, Email: null } ? null : present;
    }

    public static void NikKoperasi(RequestValidation v, NikKoperasi? nik)
    {
        if (nik is not null)
        {
            v.Code(nik.Number, "nikKoperasi.number", 50);
        }
    }
}

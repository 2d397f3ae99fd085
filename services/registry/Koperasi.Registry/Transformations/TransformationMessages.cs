using Koperasi.Registry.Cooperatives;
using Koperasi.ServiceDefaults.Regions;
using Koperasi.ServiceDefaults.Http;

namespace Koperasi.Registry.Transformations;

/// <summary>
/// Reads the parts the approved contracts share into the register's values, with the shape
/// checks a request over HTTP gets (the field names are the message's).
/// </summary>
public static class TransformationMessages
{
    public static NotarialDeed Deed(Contracts.Transformation.Deed deed, RequestValidation v)
    {
        v.Code(deed.Number, "deed.number", 100);
        v.Name(deed.Notary, "deed.notary", 200);
        return new NotarialDeed(deed.Number?.Trim() ?? "", deed.Date, deed.Notary?.Trim() ?? "");
    }

    public static Ratification? Ratification(Contracts.Transformation.Ratification? ratification, RequestValidation v)
    {
        if (ratification is null)
        {
            return null;
        }

        v.Code(ratification.DecreeNumber, "ratification.decreeNumber", 100);
        return new Ratification(ratification.DecreeNumber?.Trim() ?? "", ratification.DecreeDate);
    }

    /// <summary>A domicile in Jambi, its regency code in either spelling; null when absent or invalid.</summary>
    public static Address? Domicile(Contracts.Transformation.Domicile? domicile, string field, RequestValidation v)
    {
        if (domicile is null)
        {
            return null;
        }

        var address = new Register.AddressDto(domicile.Street ?? "", domicile.Kecamatan ?? "", domicile.RegencyCode ?? "", domicile.Village, domicile.PostalCode);
        CooperativeValidation.Address(v, address, field);
        return Regencies.TryNormalize(address.RegencyCode, out _) ? address.ToAddress() : null;
    }

    /// <summary>A required enumeration value written as in the contracts ("simpan-pinjam").</summary>
    public static T Required<T>(string? value, string field, RequestValidation v) where T : struct, Enum
    {
        v.Check(value is not null, field, "Required.");
        return KebabEnum.Parse<T>(value, field, v) ?? default;
    }
}

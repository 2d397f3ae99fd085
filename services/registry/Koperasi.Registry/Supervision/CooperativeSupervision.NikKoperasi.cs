using Koperasi.Registry.Cooperatives;
using Koperasi.ServiceDefaults.Decisions;

namespace Koperasi.Registry.Supervision;

// The NIK koperasi is renewed yearly by the ministry: valid on a day when issued or renewed within
// the year before and the koperasi exists. One number belongs to one koperasi: the renewal event
// names the number, so IdentifierClaim refuses it when another koperasi holds it.
public sealed partial record CooperativeSupervision
{
    /// <summary>Records a renewal of the NIK koperasi the koperasi holds; a renewal already recorded changes nothing.</summary>
    public Decision RenewNikKoperasi(Cooperative koperasi, RenewNikKoperasi command, DateOnly today)
    {
        if (Existing(koperasi) is { } dissolved)
        {
            return dissolved;
        }

        if (NikKoperasi.Count == 0)
        {
            return DomainError.Conflict("nik-koperasi-not-held", "The koperasi holds no NIK koperasi to renew; record the number the ministry issued first.", "number");
        }

        var held = NikKoperasi[^1];
        if (IdentifierClaim.KeyOfNikKoperasi(command.Number) != IdentifierClaim.KeyOfNikKoperasi(held.Number))
        {
            return DomainError.Unprocessable(
                "nik-koperasi-renewal-other-number",
                $"The koperasi holds NIK koperasi {held.Number}; a renewal keeps the number. A new number is a change of details.",
                "number");
        }

        if (command.RenewedOn > today)
        {
            return DomainError.Unprocessable("nik-koperasi-renewed-in-future", "A renewal is recorded once the ministry made it; the date is after today.", "renewedOn");
        }

        if (command.RenewedOn <= held.IssuedOn)
        {
            return DomainError.Unprocessable("nik-koperasi-renewal-before-issue", $"NIK koperasi {held.Number} was issued on {held.IssuedOn:yyyy-MM-dd}; a renewal comes after.", "renewedOn");
        }

        return held.Renewals.Contains(command.RenewedOn)
            ? Decision.Accept()
            : Decision.Accept(new NikKoperasiRenewed(CooperativeId, held.Number, command.RenewedOn));
    }

    /// <summary>
    /// Whether the koperasi held a valid NIK koperasi on <paramref name="day"/>: it existed, and the
    /// number it held then was issued or renewed on or before that day and less than a year before.
    /// </summary>
    public bool HoldsValidNikKoperasiOn(DateOnly day) =>
        ExistsOn(day) && NikKoperasi.LastOrDefault(n => n.IssuedOn <= day) is { } held && held.IsCurrentOn(day);

    /// <summary>The statistic: how many koperasi held a valid NIK koperasi on <paramref name="day"/>.</summary>
    public static int ValidNikKoperasiHolders(IEnumerable<CooperativeSupervision> koperasi, DateOnly day) =>
        koperasi.Count(k => k.HoldsValidNikKoperasiOn(day));
}

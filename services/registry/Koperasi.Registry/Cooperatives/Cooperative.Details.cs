using Koperasi.Registry.Activity;
using Koperasi.ServiceDefaults.Decisions;

namespace Koperasi.Registry.Cooperatives;

// Changing notifiable data, and the NIK koperasi rule.
public sealed partial record Cooperative
{
    /// <summary>Changes notifiable data; nothing is recorded when nothing differs.</summary>
    public Decision ChangeDetails(DetailsChange change, DateOnly today, ActivityPolicy policy)
    {
        if (CheckExisting() is { } dissolved)
        {
            return dissolved;
        }

        if (change.Address is { } address && address.RegencyCode != Address.RegencyCode)
        {
            return DomainError.Unprocessable(
                "domicile-change-needs-articles-amendment",
                "Moving the domicile to another regency changes the articles of association (perubahan anggaran dasar); it is not a notification.",
                "address.regencyCode");
        }

        var nik = change.NikKoperasi is { } n && n != NikKoperasi ? n : null;
        if (nik is not null && CheckNikKoperasi(nik, today, policy) is { } broken)
        {
            return broken;
        }

        var changed = new DetailsChanged(
            Id,
            change.Address is { } a && a != Address ? a : null,
            change.Board is { } board && !board.SequenceEqual(Board) ? board : null,
            change.Contact is { } contact && contact != Contact ? contact : null,
            change.Nib is { } nib && nib != Nib ? nib : null,
            nik);
        var nothingChanged = changed is { Address: null, Board: null, Contact: null, Nib: null, NikKoperasi: null };
        return nothingChanged ? Decision.Accept() : Decision.Accept(changed);
    }

    private DomainError? CheckNikKoperasi(NikKoperasi nik, DateOnly today, ActivityPolicy policy)
    {
        if (nik.IssuedOn > today)
        {
            return DomainError.Unprocessable("nik-koperasi-issued-in-future", "The NIK koperasi's issue date is after today.", "nikKoperasi.issuedOn");
        }

        var recentRat = Rats.Any(r => r.HeldOn <= nik.IssuedOn && r.HeldOn > nik.IssuedOn.AddYears(-policy.NikKoperasiRatWithinYears));
        return recentRat
            ? null
            : DomainError.Unprocessable(
                "nik-koperasi-needs-recent-rat",
                $"A NIK koperasi is issued only to a koperasi that held a RAT in the {policy.NikKoperasiRatWithinYears} years before; none is recorded before {nik.IssuedOn:yyyy-MM-dd}.",
                "nikKoperasi");
    }
}

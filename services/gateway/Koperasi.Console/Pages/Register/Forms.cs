using Koperasi.ServiceDefaults.PersonalData;

namespace Koperasi.Console.Pages.Register;

// The forms of a koperasi's page, bound from plain HTML form posts. Each carries the ETag the page
// showed (If-Match), so a step taken on a stale page is refused (409) instead of overwriting.

public sealed class RatForm
{
    public string? ETag { get; set; }
    public int? FinancialYear { get; set; }
    public DateOnly? HeldOn { get; set; }
    public int? MembersPresent { get; set; }
    public int? MembersTotal { get; set; }
    public string Mode { get; set; } = "in-person";
    public decimal? Assets { get; set; }
    public decimal? BusinessVolume { get; set; }
    public decimal? Surplus { get; set; }
}

public sealed class VisitForm
{
    public string? ETag { get; set; }
    public string Kind { get; set; } = "visit";
    public DateOnly? HeldOn { get; set; }
    public string? Findings { get; set; }
    public string? Recommendations { get; set; }
    public string? FollowUpAction { get; set; }
    public DateOnly? FollowUpDueOn { get; set; }
}

public sealed class DetailsForm
{
    public string? ETag { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Nib { get; set; }
}

public sealed class PembinaForm
{
    public string? ETag { get; set; }
    public string Level { get; set; } = "kabupaten-kota";
    public string? UserId { get; set; }
    public bool Replace { get; set; }
}

public sealed class FlagshipForm
{
    public string? ETag { get; set; }
    public string? Reason { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidUntil { get; set; }
}

/// <summary>
/// A new koperasi (POST /api/registry/cooperatives): what the form asks, and the request it becomes.
/// The kecamatan and the (optional) desa are chosen by their Kemendagri codes.
/// </summary>
public sealed class RegistrationForm
{
    public string? Name { get; set; }
    public string Form { get; set; } = "primer";
    public string Type { get; set; } = "konsumen";
    public string? SavingsLoanScheme { get; set; }
    public string SupervisionLevel { get; set; } = "kabupaten-kota";
    public string? RegencyCode { get; set; }
    public string? KecamatanCode { get; set; }
    public string? Desa { get; set; }
    public string? Street { get; set; }
    public string? PostalCode { get; set; }
    public string? DecreeNumber { get; set; }
    public DateOnly? DecreeDate { get; set; }
    public string? DeedNumber { get; set; }
    public DateOnly? DeedDate { get; set; }
    public string? DeedNotary { get; set; }
    public int? FoundingMembers { get; set; }
    public int? MemberCount { get; set; }
    public string? BusinessField { get; set; }
    public string? Nib { get; set; }
    public string? Chair { get; set; }
    public string? Secretary { get; set; }
    public string? Treasurer { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }

    /// <summary>
    /// The request body, or the first required field left empty (the API's name for it). Blank optional
    /// fields are left out; the deed goes only when all three of its parts are given, the savings-and-loan
    /// scheme only for a simpan pinjam koperasi.
    /// </summary>
    public (object? Body, string? Missing) Request()
    {
        var required = new (string Field, bool Given)[]
        {
            ("name", Blank(Name) is not null), ("address.regencyCode", Blank(RegencyCode) is not null),
            ("address.kecamatan", Blank(KecamatanCode) is not null), ("address.street", Blank(Street) is not null),
            ("legalEntity.decreeNumber", Blank(DecreeNumber) is not null), ("legalEntity.decreeDate", DecreeDate is not null),
            ("foundingMembers", FoundingMembers is not null), ("memberCount", MemberCount is not null),
            ("businessField", Blank(BusinessField) is not null),
        };
        if (required.FirstOrDefault(r => !r.Given) is { Field: { } missing })
        {
            return (null, missing);
        }

        var board = new (string? Name, string Position)[] { (Chair, "ketua"), (Secretary, "sekretaris"), (Treasurer, "bendahara") }
            .Where(b => Blank(b.Name) is not null)
            .Select(b => new { name = Blank(b.Name), position = b.Position })
            .ToList();
        var deed = Blank(DeedNumber) is { } number && DeedDate is { } date && Blank(DeedNotary) is { } notary
            ? new { number, date, notary }
            : null;
        var (phone, email) = (Blank(Phone), Blank(Email));
        return (new
        {
            name = Blank(Name),
            form = Form,
            type = Type,
            savingsLoanScheme = Type == "simpan-pinjam" ? Blank(SavingsLoanScheme) : null,
            supervisionLevel = SupervisionLevel,
            address = new { street = Blank(Street), kecamatan = Blank(KecamatanCode), regencyCode = Blank(RegencyCode), desa = Blank(Desa), postalCode = Blank(PostalCode) },
            legalEntity = new { decreeNumber = Blank(DecreeNumber), decreeDate = DecreeDate },
            deed,
            foundingMembers = FoundingMembers,
            memberCount = MemberCount,
            businessField = Blank(BusinessField),
            nib = Blank(Nib),
            board = board.Count == 0 ? null : board,
            contact = phone is null && email is null ? null : new { phone, email },
        }, null);
    }

    /// <summary>
    /// After a refusal the form is shown again with what was typed, but never a NIK in clear: every
    /// NIK-shaped run in a text field is masked (the API refuses personal data in these fields).
    /// </summary>
    public void MaskPersonalData()
    {
        Name = Nik.Scrub(Name);
        Desa = Nik.Scrub(Desa);
        Street = Nik.Scrub(Street);
        PostalCode = Nik.Scrub(PostalCode);
        DecreeNumber = Nik.Scrub(DecreeNumber);
        DeedNumber = Nik.Scrub(DeedNumber);
        DeedNotary = Nik.Scrub(DeedNotary);
        BusinessField = Nik.Scrub(BusinessField);
        Nib = Nik.Scrub(Nib);
        Chair = Nik.Scrub(Chair);
        Secretary = Nik.Scrub(Secretary);
        Treasurer = Nik.Scrub(Treasurer);
        Phone = Nik.Scrub(Phone);
        Email = Nik.Scrub(Email);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

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

namespace Koperasi.Console.Pages.Dumisake;

// The Dumisake forms, bound from plain HTML form posts. A step on an application carries the ETag
// the page showed (If-Match), so a step taken on a stale page is refused (409) instead of overwriting.

public sealed class SubmitForm
{
    public Guid? ProgrammeId { get; set; }
    public string? Category { get; set; }
    public string? Nik { get; set; }
    public string? Name { get; set; }
    public string Sex { get; set; } = "female";
    public DateOnly? BirthDate { get; set; }
    public string? RegencyCode { get; set; }
    public string? Kecamatan { get; set; }
    public string? Street { get; set; }
    public string? Phone { get; set; }
    public string Occupation { get; set; } = "trader";
    public bool DeclaredKurDebtor { get; set; }
    public string? BusinessDescription { get; set; }
}

/// <summary>One form for every step of an application's page: the fields each step uses.</summary>
public sealed class StepForm
{
    public string? ETag { get; set; }
    public string? Complete { get; set; }
    public string? Missing { get; set; }
    public string? Notes { get; set; }
    public DateOnly? VisitedOn { get; set; }
    public string? Findings { get; set; }
    public bool BusinessFound { get; set; }
    public bool KurDebtorFound { get; set; }
    public string? Eligible { get; set; }
    public string? Reasons { get; set; }
    public string? BankCode { get; set; }
    public string? AccountNumber { get; set; }
    public string? AccountHolder { get; set; }
    public bool FundsUsedAsPlanned { get; set; }
    public decimal? MonthlyRevenue { get; set; }
    public string? Production { get; set; }
    public string? Reason { get; set; }
}

public sealed class RevealForm
{
    public string? Purpose { get; set; }
}

public sealed class DecreeForm
{
    public string? ETag { get; set; }
    public string? DecreeNumber { get; set; }
    public DateOnly? DecreeDate { get; set; }
}

public sealed class RetryForm
{
    /// <summary>"{application id}:{version}": the button pressed names the application and the version the page showed.</summary>
    public string? Target { get; set; }
}

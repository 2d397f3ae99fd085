namespace Koperasi.Funding.Programmes;

/// <summary>A programme as the API shows it: its configuration and what is decreed against it (its batches: <c>GET .../decree-batches</c>).</summary>
public sealed record ProgrammeResponse(
    Guid Id,
    long Version,
    int Year,
    string Name,
    decimal Budget,
    int TargetRecipients,
    IReadOnlyList<GrantCategory> Categories,
    IReadOnlyDictionary<string, int> RegencyQuotas,
    EligibilityRules Eligibility,
    DateOnly ReferenceDate,
    ApplicationWindow Window,
    ProgrammeResponse.DecreedSummary Decreed)
{
    /// <summary>The budget and quotas as used so far.</summary>
    public sealed record DecreedSummary(int Recipients, decimal Amount, decimal RemainingBudget, IReadOnlyDictionary<string, int> ByRegency);

    public static ProgrammeResponse From(Programme p) => new(
        p.Id, p.Version, p.Year, p.Name, p.Budget, p.TargetRecipients, p.Categories, p.RegencyQuotas, p.Eligibility,
        p.ReferenceDate, p.Window, new DecreedSummary(p.DecreedRecipients, p.DecreedAmount, p.RemainingBudget, p.DecreedByRegency));
}

using Marten;

namespace Koperasi.Funding.Programmes;

// The events of a programme's stream. The programme is the consistency boundary of its budget and
// quotas: every decree batch is appended here, so two batches decided at once cannot both pass.

public sealed record ProgrammeOpened(
    Guid ProgrammeId,
    int Year,
    string Name,
    decimal Budget,
    int TargetRecipients,
    IReadOnlyList<GrantCategory> Categories,
    IReadOnlyDictionary<string, int> RegencyQuotas,
    EligibilityRules Eligibility,
    DateOnly ReferenceDate,
    ApplicationWindow Window);

public sealed record ProgrammeBudgetChanged(Guid ProgrammeId, decimal Budget, int TargetRecipients);

/// <summary>The whole list of categories after the change (amounts, names, open or closed, new ones).</summary>
public sealed record ProgrammeCategoriesChanged(Guid ProgrammeId, IReadOnlyList<GrantCategory> Categories);

/// <summary>The whole map of quotas after the change; a regency left out has no quota.</summary>
public sealed record ProgrammeQuotasChanged(Guid ProgrammeId, IReadOnlyDictionary<string, int> RegencyQuotas);

public sealed record ProgrammeEligibilityChanged(Guid ProgrammeId, EligibilityRules Eligibility);

public sealed record ProgrammeScheduleChanged(Guid ProgrammeId, DateOnly ReferenceDate, ApplicationWindow Window);

/// <summary>A decree (surat keputusan) granting a batch of applications; each application records its own decree too.</summary>
public sealed record DecreeBatchIssued(
    Guid ProgrammeId,
    Guid BatchId,
    string DecreeNumber,
    DateOnly DecreeDate,
    IReadOnlyList<DecreedGrant> Grants);

/// <summary>One grant of a batch, with what the budget and the quotas count.</summary>
public sealed record DecreedGrant(Guid ApplicationId, string RegencyCode, string Category, decimal Amount);

/// <summary>A decreed grant was cancelled before disbursement: its amount and place return to the budget and quota.</summary>
public sealed record DecreedGrantWithdrawn(Guid ProgrammeId, Guid ApplicationId, string RegencyCode, decimal Amount, string Reason);

/// <summary>Stored event names: stable, so renaming or moving a class never breaks history.</summary>
public static class ProgrammeEventNames
{
    public static void Register(StoreOptions options)
    {
        options.Events.MapEventType<ProgrammeOpened>("programme-opened");
        options.Events.MapEventType<ProgrammeBudgetChanged>("programme-budget-changed");
        options.Events.MapEventType<ProgrammeCategoriesChanged>("programme-categories-changed");
        options.Events.MapEventType<ProgrammeQuotasChanged>("programme-quotas-changed");
        options.Events.MapEventType<ProgrammeEligibilityChanged>("programme-eligibility-changed");
        options.Events.MapEventType<ProgrammeScheduleChanged>("programme-schedule-changed");
        options.Events.MapEventType<DecreeBatchIssued>("decree-batch-issued");
        options.Events.MapEventType<DecreedGrantWithdrawn>("decreed-grant-withdrawn");
    }
}

using Koperasi.ServiceDefaults.Decisions;

namespace Koperasi.Funding.Programmes;

/// <summary>A decree batch to issue: its number and date, and the applications it grants.</summary>
public sealed record IssueDecreeBatch(Guid BatchId, string DecreeNumber, DateOnly DecreeDate, IReadOnlyList<Guid> ApplicationIds);

/// <summary>
/// What the programme decided about a batch: the batch for its own stream and one decree event per
/// application, or a refusal of the whole batch with the figures behind it.
/// </summary>
public sealed record DecreeBatchOutcome(
    DecreeBatchIssued? Batch,
    IReadOnlyDictionary<Guid, object> ApplicationEvents,
    DecreeBatchRefusal? Refusal);

/// <summary>Why a batch was refused, whole, and the figures an officer needs to make a smaller one.</summary>
public sealed record DecreeBatchRefusal(
    string Rule,
    string Detail,
    DomainErrorKind Kind,
    IReadOnlyList<string> Rules,
    BudgetFigures Budget,
    IReadOnlyList<QuotaFigures> Regencies,
    IReadOnlyList<ApplicationRefusal> Applications);

/// <summary>The budget as the batch found it.</summary>
public sealed record BudgetFigures(decimal Budget, decimal AlreadyDecreed, decimal Requested, decimal Remaining);

/// <summary>A regency's quota as the batch found it (only regencies with a quota and grants in the batch).</summary>
public sealed record QuotaFigures(string RegencyCode, int Quota, int Decreed, int Requested, bool Exceeded);

/// <summary>An application of the batch that cannot be decreed, and why.</summary>
public sealed record ApplicationRefusal(Guid ApplicationId, string Rule, string Detail);

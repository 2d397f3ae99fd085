namespace Koperasi.Console.Pages.Dumisake;

// Funding's answers as the Dumisake pages read them (only the members they show; enum values stay
// kebab-case strings, shown through Formatting.Istilah). The applicant comes masked from the API:
// the NIK as 150101******0001 and the name for the officers who work the application, the
// pseudonym only for an auditor. Phone, street and bank account come only from the reveal.

public sealed record GrantCategoryDto(string Code, string Name, decimal Amount, bool Open);

public sealed record ApplicationWindowDto(DateOnly Opens, DateOnly Closes);

public sealed record DecreedSummaryDto(int Recipients, decimal Amount, decimal RemainingBudget, IReadOnlyDictionary<string, int> ByRegency);

public sealed record DecreeBatchDto(Guid BatchId, string DecreeNumber, DateOnly DecreeDate, int Recipients, decimal Amount);

public sealed record DecreeBatchPageDto(IReadOnlyList<DecreeBatchDto> Items, int PageNumber, int PageSize, long TotalCount);

public sealed record ProgrammeDto(
    Guid Id, long Version, int Year, string Name, decimal Budget, int TargetRecipients, IReadOnlyList<GrantCategoryDto> Categories,
    IReadOnlyDictionary<string, int> RegencyQuotas, DateOnly ReferenceDate, ApplicationWindowDto Window, DecreedSummaryDto Decreed);

public sealed record ApplicantViewDto(Guid Id, string? MaskedNik, string? Name, bool Erased);

public sealed record DocumentsCheckDto(DateOnly CheckedOn, bool Complete, IReadOnlyList<string> Missing, string? Notes);

public sealed record FieldVerificationDto(DateOnly VisitedOn, string VerifiedBy, string? Findings, bool BusinessFound, bool KurDebtorFound);

public sealed record EligibilityFailureDto(string Rule, string Detail);

public sealed record EligibilityDecisionDto(DateOnly DecidedOn, bool Eligible, IReadOnlyList<EligibilityFailureDto> Reasons, string? Notes);

public sealed record DecreeRecordDto(Guid BatchId, string DecreeNumber, DateOnly DecreeDate, decimal Amount);

public sealed record DisbursementRecordDto(Guid DisbursementId, decimal Amount, DateOnly RequestedOn, int Attempts, string? LastFailure, DateOnly? DisbursedOn, string? TransferReference);

public sealed record MonitoringVisitDto(int Number, DateOnly VisitedOn, string VisitedBy, bool FundsUsedAsPlanned, decimal? MonthlyRevenue, string? Production);

public sealed record CancellationRecordDto(DateOnly CancelledOn, string? Reason);

public sealed record ApplicationDto(
    Guid Id, long Version, string Status, Guid ProgrammeId, int ProgrammeYear, string Category, ApplicantViewDto Applicant, string? Sex, int? Age,
    string RegencyCode, string RegencyName, string Kecamatan, string Occupation, bool DeclaredKurDebtor, string? BusinessDescription,
    DateOnly SubmittedOn, IReadOnlyList<DocumentsCheckDto> DocumentChecks, FieldVerificationDto? FieldVerification, EligibilityDecisionDto? Eligibility,
    DecreeRecordDto? Decree, DisbursementRecordDto? Disbursement, IReadOnlyList<MonitoringVisitDto> Visits, CancellationRecordDto? Cancellation);

public sealed record ApplicationPageDto(IReadOnlyList<ApplicationDto> Items, int PageNumber, int PageSize, long TotalCount);

public sealed record ApplicationHistoryEntryDto(long Version, string Type, DateTimeOffset RecordedAt, string? Actor, string? ActorRole);

public sealed record BankAccountDto(string BankCode, string AccountNumber, string AccountHolder);

public sealed record RevealedApplicantDto(Guid ApplicantId, string Nik, string Name, string? Phone, string? Street, string? Village, BankAccountDto? BankAccount);

public sealed record ProgrammeProgressDto(Guid ProgrammeId, int Year, string Name, int TargetRecipients, int Recipients, decimal TargetShare, decimal Budget, decimal Amount, decimal BudgetShare);

public sealed record RpjmdProgressDto(int FirstYear, int LastYear, int TargetRecipients, int Recipients, decimal TargetShare);

public sealed record ProgressDto(IReadOnlyList<ProgrammeProgressDto> Programmes, RpjmdProgressDto Rpjmd);

public sealed record RecipientsRowDto(int? Year, string? RegencyCode, string? RegencyName, string? Kecamatan, string? Category, int Recipients, decimal Amount);

public sealed record RecipientsDto(int? Year, IReadOnlyList<string> GroupBy, int Recipients, decimal Amount, IReadOnlyList<RecipientsRowDto> Rows);

public sealed record MonitoringRowDto(int Year, string RegencyCode, string RegencyName, int Disbursed, int Monitored, decimal Coverage);

public sealed record MonitoringDto(int? Year, int Disbursed, int Monitored, decimal Coverage, IReadOnlyList<MonitoringRowDto> Rows);

// The requests the pages send, as the API takes them.

public sealed record SubmitAddress(string RegencyCode, string Kecamatan, string? Street, string? Village);

public sealed record SubmitRequest(
    Guid ProgrammeId, string Nik, string Name, string Sex, DateOnly BirthDate, SubmitAddress Address, string Occupation, bool DeclaredKurDebtor,
    string Category, string BusinessDescription, string? Phone);

public sealed record DocumentsCheckRequest(bool Complete, IReadOnlyList<string>? Missing, string? Notes);

public sealed record FieldVerificationRequest(DateOnly VisitedOn, string Findings, bool BusinessFound, bool KurDebtorFound);

public sealed record EligibilityRequest(bool Eligible, IReadOnlyList<string>? Reasons, string? Notes);

public sealed record DecreeBatchRequest(string DecreeNumber, DateOnly DecreeDate, IReadOnlyList<Guid> ApplicationIds);

public sealed record DisbursementRequest(string BankCode, string AccountNumber, string AccountHolder);

public sealed record MonitoringVisitRequest(DateOnly VisitedOn, bool FundsUsedAsPlanned, decimal? MonthlyRevenue, string? Production);

public sealed record NotesRequest(string? Notes);

public sealed record ReasonRequest(string Reason);

public sealed record PurposeRequest(string Purpose);

public sealed record EmptyRequest;

public sealed record CategoryRequest(string Code, string Name, decimal Amount, bool Open);

public sealed record WindowRequest(DateOnly Opens, DateOnly Closes);

/// <summary>Open a year's programme (eligibility left out: Funding's configured defaults).</summary>
public sealed record OpenProgrammeRequest(
    int Year, string Name, decimal Budget, int TargetRecipients, IReadOnlyList<CategoryRequest> Categories, DateOnly ReferenceDate,
    WindowRequest Window, IReadOnlyDictionary<string, int> RegencyQuotas);

/// <summary>Change a programme: categories and quotas are sent whole.</summary>
public sealed record ChangeProgrammeRequest(
    decimal Budget, int TargetRecipients, IReadOnlyList<CategoryRequest> Categories, IReadOnlyDictionary<string, int> RegencyQuotas,
    DateOnly ReferenceDate, WindowRequest Window);

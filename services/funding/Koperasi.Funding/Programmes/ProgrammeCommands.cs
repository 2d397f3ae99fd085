namespace Koperasi.Funding.Programmes;

/// <summary>A new year's programme, validated, regency codes normalized.</summary>
public sealed record OpenProgrammeCommand(
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

/// <summary>Parts of a programme to change; a null part stays as it is.</summary>
public sealed record ProgrammeChange(
    decimal? Budget = null,
    int? TargetRecipients = null,
    IReadOnlyList<GrantCategory>? Categories = null,
    IReadOnlyDictionary<string, int>? RegencyQuotas = null,
    EligibilityRules? Eligibility = null,
    DateOnly? ReferenceDate = null,
    ApplicationWindow? Window = null);

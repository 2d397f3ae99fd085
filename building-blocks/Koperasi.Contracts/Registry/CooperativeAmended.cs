using MassTransit;

namespace Koperasi.Contracts.Registry;

/// <summary>
/// New articles of association hold for a koperasi from <paramref name="EffectiveOn"/>; earlier
/// versions stay readable in the register. Only the parts that changed are set.
/// </summary>
/// <param name="CooperativeId">The koperasi.</param>
/// <param name="StreamVersion">Version of its stream after this event.</param>
/// <param name="OccurredAt">When the Registry recorded it.</param>
/// <param name="ArticlesVersion">Number of the new version of the articles (the founding articles are 1).</param>
/// <param name="EffectiveOn">The day the new version holds.</param>
/// <param name="CaseId">The transformation case, if any.</param>
/// <param name="Name">New name, if changed.</param>
/// <param name="Address">New domicile, if changed.</param>
/// <param name="Type">New jenis, if changed.</param>
/// <param name="SavingsLoanScheme">New scheme, if changed.</param>
/// <param name="Form">New bentuk, if changed.</param>
/// <param name="BusinessField">New bidang usaha, if changed.</param>
/// <param name="OtherArticles">Other articles, if changed.</param>
[MessageUrn("koperasi:registry:cooperative-amended:v1")]
public sealed record CooperativeAmended(
    Guid CooperativeId,
    long StreamVersion,
    DateTimeOffset OccurredAt,
    int ArticlesVersion,
    DateOnly EffectiveOn,
    Guid? CaseId,
    string? Name,
    CooperativeAddress? Address,
    string? Type,
    string? SavingsLoanScheme,
    string? Form,
    string? BusinessField,
    string? OtherArticles) : IIntegrationEvent;

using MassTransit;

namespace Koperasi.Contracts.Transformation;

/// <summary>
/// A change of the articles of association (perubahan anggaran dasar) was decided by the members'
/// meeting, deeded and, where the change needs it, ratified: the register is to apply it as a new
/// version of the articles from <paramref name="EffectiveOn"/>.
/// </summary>
/// <param name="CaseId">The case.</param>
/// <param name="StreamVersion">Version of the case's stream after this event.</param>
/// <param name="OccurredAt">When it was recorded.</param>
/// <param name="CooperativeId">The koperasi.</param>
/// <param name="Changes">What changes; a null part stays.</param>
/// <param name="Deed">The notarial deed.</param>
/// <param name="Ratification">The ministry's ratification, when the change needs one (name, domicile, type, form, business field).</param>
/// <param name="EffectiveOn">The day the new articles hold (the ratification's date, or the deed's).</param>
[MessageUrn("koperasi:transformation:articles-amendment-approved:v1")]
public sealed record ArticlesAmendmentApproved(
    Guid CaseId,
    long StreamVersion,
    DateTimeOffset OccurredAt,
    Guid CooperativeId,
    ArticlesChanges Changes,
    Deed Deed,
    Ratification? Ratification,
    DateOnly EffectiveOn) : IIntegrationEvent;

/// <summary>The parts of the articles that change; null parts stay as they are.</summary>
/// <param name="Name">New name.</param>
/// <param name="Domicile">New domicile (may be in another regency).</param>
/// <param name="Type">New jenis.</param>
/// <param name="SavingsLoanScheme">Scheme when the new type is simpan-pinjam.</param>
/// <param name="Form">New bentuk.</param>
/// <param name="BusinessField">New bidang usaha.</param>
/// <param name="OtherArticles">Other articles, as text.</param>
public sealed record ArticlesChanges(
    string? Name,
    Domicile? Domicile,
    string? Type,
    string? SavingsLoanScheme,
    string? Form,
    string? BusinessField,
    string? OtherArticles);

using MassTransit;

namespace Koperasi.Contracts.Registry;

/// <summary>
/// The register could not apply an approved transformation (a participant no longer exists as a
/// legal entity, the new koperasi's decree number is registered already, ...). Nothing changed.
/// </summary>
/// <param name="CaseId">The transformation case.</param>
/// <param name="StreamVersion">Always 0: the Registry records no event of its own for a refusal.</param>
/// <param name="OccurredAt">When the Registry refused it.</param>
/// <param name="Rule">The rule that stopped it.</param>
/// <param name="Reason">Why, in words an officer reads.</param>
[MessageUrn("koperasi:registry:transformation-not-applied:v1")]
public sealed record TransformationNotApplied(
    Guid CaseId,
    long StreamVersion,
    DateTimeOffset OccurredAt,
    string Rule,
    string Reason) : IIntegrationEvent;

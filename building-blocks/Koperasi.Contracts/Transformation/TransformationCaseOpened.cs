using MassTransit;

namespace Koperasi.Contracts.Transformation;

/// <summary>A transformation case was proposed: its participants are now taken until it closes.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="StreamVersion">Version of the case's stream after this event.</param>
/// <param name="OccurredAt">When it was recorded.</param>
/// <param name="Kind">"merger", "amalgamation" or "articles-amendment".</param>
/// <param name="CooperativeIds">The participating koperasi (for a merger, the survivor first).</param>
/// <param name="RegencyCodes">Their regencies.</param>
[MessageUrn("koperasi:transformation:case-opened:v1")]
public sealed record TransformationCaseOpened(
    Guid CaseId,
    long StreamVersion,
    DateTimeOffset OccurredAt,
    string Kind,
    IReadOnlyList<Guid> CooperativeIds,
    IReadOnlyList<string> RegencyCodes) : IIntegrationEvent;

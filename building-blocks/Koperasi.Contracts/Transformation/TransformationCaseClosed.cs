using MassTransit;

namespace Koperasi.Contracts.Transformation;

/// <summary>The register applied the case: it is complete, and its participants are free again.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="StreamVersion">Version of the case's stream after this event.</param>
/// <param name="OccurredAt">When it was recorded.</param>
/// <param name="Kind">"merger", "amalgamation" or "articles-amendment".</param>
/// <param name="CooperativeIds">The participating koperasi.</param>
/// <param name="ResultingCooperativeId">The survivor, the new koperasi, or the amended one.</param>
[MessageUrn("koperasi:transformation:case-completed:v1")]
public sealed record TransformationCaseCompleted(
    Guid CaseId,
    long StreamVersion,
    DateTimeOffset OccurredAt,
    string Kind,
    IReadOnlyList<Guid> CooperativeIds,
    Guid ResultingCooperativeId) : IIntegrationEvent;

/// <summary>The case was rejected (a quorum or majority not reached, the register refusing it, ...).</summary>
/// <param name="CaseId">The case.</param>
/// <param name="StreamVersion">Version of the case's stream after this event.</param>
/// <param name="OccurredAt">When it was recorded.</param>
/// <param name="Kind">"merger", "amalgamation" or "articles-amendment".</param>
/// <param name="CooperativeIds">The participating koperasi.</param>
/// <param name="Rule">The rule that rejected it, e.g. "quorum-not-met".</param>
/// <param name="Reason">Why, in words an officer reads.</param>
[MessageUrn("koperasi:transformation:case-rejected:v1")]
public sealed record TransformationCaseRejected(
    Guid CaseId,
    long StreamVersion,
    DateTimeOffset OccurredAt,
    string Kind,
    IReadOnlyList<Guid> CooperativeIds,
    string Rule,
    string Reason) : IIntegrationEvent;

/// <summary>The case was withdrawn by its proposers before it was approved.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="StreamVersion">Version of the case's stream after this event.</param>
/// <param name="OccurredAt">When it was recorded.</param>
/// <param name="Kind">"merger", "amalgamation" or "articles-amendment".</param>
/// <param name="CooperativeIds">The participating koperasi.</param>
/// <param name="Reason">Why.</param>
[MessageUrn("koperasi:transformation:case-withdrawn:v1")]
public sealed record TransformationCaseWithdrawn(
    Guid CaseId,
    long StreamVersion,
    DateTimeOffset OccurredAt,
    string Kind,
    IReadOnlyList<Guid> CooperativeIds,
    string Reason) : IIntegrationEvent;

using MassTransit;

namespace Koperasi.Contracts.Transformation;

/// <summary>A dissolution (pembubaran) case was opened: the koperasi is dissolving, and taken until the case closes.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="StreamVersion">Version of the case's stream after this event.</param>
/// <param name="OccurredAt">When it was recorded.</param>
/// <param name="CooperativeId">The koperasi to dissolve.</param>
/// <param name="RegencyCode">Its regency's BPS code.</param>
/// <param name="Path">"members-meeting" or "government".</param>
/// <param name="ProposedOn">The day it was proposed.</param>
[MessageUrn("koperasi:transformation:dissolution-case-opened:v1")]
public sealed record DissolutionCaseOpened(
    Guid CaseId,
    long StreamVersion,
    DateTimeOffset OccurredAt,
    Guid CooperativeId,
    string RegencyCode,
    string Path,
    DateOnly ProposedOn) : IIntegrationEvent;

/// <summary>
/// The dissolution was decided (by the members' meeting, or by the ministry's decree): the register is
/// to record the koperasi in liquidation. It remains a legal entity until <see cref="DissolutionCompleted"/>.
/// </summary>
/// <param name="CaseId">The case.</param>
/// <param name="StreamVersion">Version of the case's stream after this event.</param>
/// <param name="OccurredAt">When it was recorded.</param>
/// <param name="CooperativeId">The koperasi.</param>
/// <param name="Path">"members-meeting" or "government": the reason of the dissolution.</param>
/// <param name="DecidedOn">The day of the meeting's decision, or of the ministry's decree.</param>
/// <param name="DecreeNumber">The ministry's decree number; none for a members' meeting.</param>
[MessageUrn("koperasi:transformation:dissolution-decided:v1")]
public sealed record DissolutionDecided(
    Guid CaseId,
    long StreamVersion,
    DateTimeOffset OccurredAt,
    Guid CooperativeId,
    string Path,
    DateOnly DecidedOn,
    string? DecreeNumber) : IIntegrationEvent;

/// <summary>
/// The liquidation was settled and the legal entity extinguished: the register is to record the
/// koperasi dissolved (with liquidation), keeping its history, as it applies a merger's decision.
/// </summary>
/// <param name="CaseId">The case.</param>
/// <param name="StreamVersion">Version of the case's stream after this event.</param>
/// <param name="OccurredAt">When it was recorded.</param>
/// <param name="CooperativeId">The koperasi dissolved.</param>
/// <param name="Path">"members-meeting" or "government": the reason of the dissolution.</param>
/// <param name="EffectiveOn">The day the legal entity ended.</param>
[MessageUrn("koperasi:transformation:dissolution-completed:v1")]
public sealed record DissolutionCompleted(
    Guid CaseId,
    long StreamVersion,
    DateTimeOffset OccurredAt,
    Guid CooperativeId,
    string Path,
    DateOnly EffectiveOn) : IIntegrationEvent;

/// <summary>The dissolution case closed without dissolving: the koperasi is no longer dissolving, and free again.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="StreamVersion">Version of the case's stream after this event.</param>
/// <param name="OccurredAt">When it was recorded.</param>
/// <param name="CooperativeId">The koperasi.</param>
/// <param name="Outcome">"rejected" (a meeting, an objection or the ministry) or "withdrawn".</param>
/// <param name="Rule">The rule that rejected it, e.g. "quorum-not-met"; "withdrawn" for a withdrawal.</param>
/// <param name="Reason">Why, in words an officer reads.</param>
[MessageUrn("koperasi:transformation:dissolution-case-closed:v1")]
public sealed record DissolutionCaseClosed(
    Guid CaseId,
    long StreamVersion,
    DateTimeOffset OccurredAt,
    Guid CooperativeId,
    string Outcome,
    string Rule,
    string Reason) : IIntegrationEvent;

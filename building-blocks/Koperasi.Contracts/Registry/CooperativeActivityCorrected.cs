using MassTransit;

namespace Koperasi.Contracts.Registry;

/// <summary>
/// The activity history of a koperasi was corrected: a fact about the past arrived late (a RAT
/// entered years after it was held) or the activity policy changed, so what was published before
/// as <see cref="CooperativeActivityChanged"/> was wrong. This carries the whole history as now
/// known; a subscriber replaces the activity periods it kept for the koperasi with these. Nothing
/// changed on the day of the correction itself: the periods say from when each activity held.
/// </summary>
/// <param name="CooperativeId">Internal id of the koperasi.</param>
/// <param name="StreamVersion">Version of the koperasi's stream after this event.</param>
/// <param name="OccurredAt">When the Registry recorded the correction.</param>
/// <param name="Periods">The whole activity history, oldest first, without gaps: each period holds from its <c>from</c> to the next one's.</param>
/// <param name="Reason">Why the history was recomputed.</param>
[MessageUrn("koperasi:registry:cooperative-activity-corrected:v1")]
public sealed record CooperativeActivityCorrected(
    Guid CooperativeId,
    long StreamVersion,
    DateTimeOffset OccurredAt,
    IReadOnlyList<ActivityPeriod> Periods,
    string Reason) : IIntegrationEvent;

/// <summary>A stretch of time with one activity.</summary>
/// <param name="From">First day with this activity.</param>
/// <param name="To">First day of the next period (exclusive), or null for the activity that holds now.</param>
/// <param name="Activity">"aktif" or "tidak-aktif".</param>
public sealed record ActivityPeriod(DateOnly From, DateOnly? To, string Activity);

using Koperasi.ServiceDefaults.Regions;

namespace Koperasi.Transformation.Cases;

/// <summary>A case as the API shows it; <see cref="Timeline"/> only when one case is read.</summary>
public sealed record CaseResponse(
    Guid Id,
    long Version,
    CaseKind Kind,
    CaseState State,
    DateOnly ProposedOn,
    IReadOnlyList<CaseResponse.ParticipantItem> Participants,
    IReadOnlyList<string> RegencyCodes,
    NewCooperative? NewCooperative,
    ArticlesChanges? Changes,
    bool RatificationRequired,
    NotarialDeed? Deed,
    Ratification? Ratification,
    DateOnly? EffectiveOn,
    Completion? Completion,
    Rejection? Rejection,
    string? WithdrawalReason,
    string? Awaiting,
    IReadOnlyList<TimelineEntry>? Timeline = null)
{
    /// <summary>A participant with its members' meeting, once recorded.</summary>
    public sealed record ParticipantItem(
        Guid CooperativeId, string Name, ParticipantRole Role, string RegencyCode, string RegencyName, int MemberCount, MeetingDecision? Meeting);

    public static CaseResponse From(TransformationCase c, IReadOnlyList<TimelineEntry>? timeline = null) => new(
        c.Id, c.Version, c.Kind, c.State, c.ProposedOn,
        [.. c.Participants.Select(p => new ParticipantItem(
            p.CooperativeId, p.Name, p.Role, p.RegencyCode, Regencies.NameOf(p.RegencyCode), p.MemberCount,
            c.Meetings.FirstOrDefault(m => m.CooperativeId == p.CooperativeId)))],
        c.RegencyCodes, c.NewCooperative, c.Changes, c.RatificationRequired, c.Deed, c.Ratification, c.EffectiveOn,
        c.Completion, c.Rejection, c.WithdrawalReason, WaitingFor(c), timeline);

    /// <summary>What the case waits for, in words an officer reads; nothing once it is closed.</summary>
    private static string? WaitingFor(TransformationCase c) => c.State switch
    {
        CaseState.Proposed => "Members' meeting decision of: " + string.Join(", ", c.Participants
            .Where(p => !c.Meetings.Any(m => m.CooperativeId == p.CooperativeId)).Select(p => p.Name)),
        CaseState.AwaitingDeed => "Notarial deed",
        CaseState.AwaitingRatification => "Ratification by the ministry",
        CaseState.Approved => "Application in the register",
        _ => null,
    };
}

/// <summary>One event of a case, with who recorded it, when, and what it means.</summary>
public sealed record TimelineEntry(long Version, string Type, DateTimeOffset RecordedAt, string? Actor, string? ActorRole, string Description, object Data);

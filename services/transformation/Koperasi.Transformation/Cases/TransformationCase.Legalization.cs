using Koperasi.ServiceDefaults.Decisions;

namespace Koperasi.Transformation.Cases;

// The notarial deed and the ministry's ratification; the case is approved when the last required one is recorded.
public sealed partial record TransformationCase
{
    public Decision RecordDeed(NotarialDeed deed, DateOnly today)
    {
        if (RefuseWhenDecided() is { } decided)
        {
            return decided;
        }

        if (State == CaseState.Proposed)
        {
            var waiting = Participants.Where(p => !Meetings.Any(m => m.CooperativeId == p.CooperativeId)).Select(p => p.Name);
            return DomainError.Conflict(
                "deed-before-meetings",
                $"The notarial deed follows the approval of every participant's members' meeting; still waiting for: {string.Join(", ", waiting)}.");
        }

        if (State == CaseState.AwaitingRatification)
        {
            return DomainError.Conflict("deed-already-recorded", $"Notarial deed number {Deed!.Number} is already recorded.");
        }

        var lastMeeting = Meetings.Max(m => m.HeldOn);
        if (deed.Date < lastMeeting)
        {
            return DomainError.Unprocessable("deed-before-meeting", $"The notarial deed is made on or after the last members' meeting ({lastMeeting:yyyy-MM-dd}).", "date");
        }

        if (deed.Date > today)
        {
            return DomainError.Unprocessable("deed-in-future", "The date of the notarial deed cannot be after today.", "date");
        }

        var recorded = new NotarialDeedRecorded(Id, deed.Number, deed.Date, deed.Notary);
        return RatificationRequired ? Decision.Accept(recorded) : Decision.Accept(recorded, Approval(deed, null));
    }

    public Decision RecordRatification(Ratification ratification, DateOnly today)
    {
        if (RefuseWhenDecided() is { } decided)
        {
            return decided;
        }

        if (!RatificationRequired)
        {
            return DomainError.Unprocessable(
                "ratification-not-required",
                "This change of the articles only changes other articles and needs no ratification by the ministry.");
        }

        if (State != CaseState.AwaitingRatification)
        {
            return DomainError.Conflict("ratification-before-deed", "The ministry's ratification is recorded after the notarial deed.");
        }

        if (ratification.DecreeDate < Deed!.Date)
        {
            return DomainError.Unprocessable("decree-before-deed", $"The ratification decree cannot be earlier than the notarial deed ({Deed.Date:yyyy-MM-dd}).", "decreeDate");
        }

        if (ratification.DecreeDate > today)
        {
            return DomainError.Unprocessable("decree-in-future", "The date of the ratification decree cannot be after today.", "decreeDate");
        }

        return Decision.Accept(new RatificationRecorded(Id, ratification.DecreeNumber, ratification.DecreeDate), Approval(Deed, ratification));
    }

    /// <summary>The approval of this kind, carrying everything the register needs; it takes effect on the last legal date.</summary>
    private object Approval(NotarialDeed deed, Ratification? ratification)
    {
        var effectiveOn = ratification?.DecreeDate ?? deed.Date;
        return Kind switch
        {
            CaseKind.Merger => new MergerCaseApproved(Id, Participants[0].CooperativeId, [.. Participants.Skip(1).Select(p => p.CooperativeId)], deed, ratification!, effectiveOn),
            CaseKind.Amalgamation => new AmalgamationCaseApproved(Id, CooperativeIds, NewCooperative!, deed, ratification!, effectiveOn),
            _ => new ArticlesAmendmentCaseApproved(Id, Participants[0].CooperativeId, Changes!, deed, ratification, effectiveOn),
        };
    }
}

using Koperasi.Registry.Cooperatives;
using Koperasi.ServiceDefaults.Decisions;

namespace Koperasi.Registry.Supervision;

// Supervision records (pembinaan) and their follow-ups.
public sealed partial record CooperativeSupervision
{
    /// <summary>Records a visit, guidance session or RAT attendance that took place.</summary>
    public Decision RecordSupervision(Cooperative koperasi, RecordSupervision command, DateOnly today)
    {
        if ((Existing(koperasi) ?? CheckRecord(koperasi, command, today)) is { } broken)
        {
            return broken;
        }

        return Decision.Accept(new SupervisionRecorded(
            CooperativeId, command.RecordId, command.Kind, command.HeldOn, command.PembinaUserId, command.Findings, command.Recommendations, command.FollowUps));
    }

    /// <summary>Records that a follow-up was done; it is no longer overdue from that day.</summary>
    public Decision CompleteFollowUp(Cooperative koperasi, CompleteFollowUp command, DateOnly today)
    {
        if (Existing(koperasi) is { } dissolved)
        {
            return dissolved;
        }

        if (Records.FirstOrDefault(r => r.RecordId == command.RecordId) is not { } record)
        {
            return DomainError.Unprocessable("supervision-record-not-found", $"The koperasi has no supervision record {command.RecordId}.", "recordId");
        }

        if (record.FollowUps.FirstOrDefault(f => f.Number == command.Number) is not { } followUp)
        {
            return DomainError.Unprocessable("follow-up-not-found", $"Record {command.RecordId} has {record.FollowUps.Count} follow-ups; there is no number {command.Number}.", "number");
        }

        if (followUp.CompletedOn is { } done)
        {
            return DomainError.Conflict("follow-up-already-completed", $"Follow-up {command.Number} of record {command.RecordId} was completed on {done:yyyy-MM-dd}.", "number");
        }

        if (command.CompletedOn > today)
        {
            return DomainError.Unprocessable("follow-up-completed-in-future", "A follow-up is recorded as completed once it is done; the date is after today.", "completedOn");
        }

        return command.CompletedOn < record.HeldOn
            ? DomainError.Unprocessable("follow-up-completed-before-record", $"The follow-up arose from the supervision of {record.HeldOn:yyyy-MM-dd}; it cannot be completed before.", "completedOn")
            : Decision.Accept(new FollowUpCompleted(CooperativeId, command.RecordId, command.Number, command.CompletedOn, command.Note));
    }

    private DomainError? CheckRecord(Cooperative koperasi, RecordSupervision command, DateOnly today)
    {
        if (Records.Any(r => r.RecordId == command.RecordId))
        {
            return DomainError.Conflict("supervision-record-already-recorded", $"Supervision record {command.RecordId} is already recorded.", "recordId");
        }

        if (string.IsNullOrWhiteSpace(command.PembinaUserId))
        {
            return DomainError.Unprocessable("pembina-user-required", "A supervision record names the pembina who held it.", "pembinaUserId");
        }

        if (command.HeldOn > today)
        {
            return DomainError.Unprocessable("supervision-in-future", "A supervision is recorded after it took place; the date is after today.", "heldOn");
        }

        if (command.HeldOn < koperasi.LegalEntity.DecreeDate)
        {
            return DomainError.Unprocessable(
                "supervision-before-legal-entity",
                $"The koperasi became a legal entity on {koperasi.LegalEntity.DecreeDate:yyyy-MM-dd}; it was not supervised as one before.",
                "heldOn");
        }

        var early = command.FollowUps.Select((f, i) => (f, i)).FirstOrDefault(x => x.f.DueOn < command.HeldOn);
        return early.f is not null
            ? DomainError.Unprocessable("follow-up-due-before-supervision", $"A follow-up falls due after the supervision it arose from ({command.HeldOn:yyyy-MM-dd}).", $"followUps[{early.i}].dueOn")
            : null;
    }
}

using Koperasi.Registry.Activity;
using Koperasi.Registry.Cooperatives;
using Koperasi.ServiceDefaults.Decisions;
using Koperasi.ServiceDefaults.Regions;

namespace Koperasi.Registry.Supervision;

// Designating a koperasi unggulan of its regency, and ending a designation. A designation whose
// koperasi becomes tidak aktif or is dissolved is flagged by the fold, from the event that says so.
public sealed partial record CooperativeSupervision
{
    /// <summary>Designates an aktif, existing koperasi the flagship of its regency for a period.</summary>
    public Decision DesignateFlagship(Cooperative koperasi, DesignateFlagship command, DateOnly today, ActivityPolicy policy)
    {
        if ((Existing(koperasi) ?? CheckDesignation(koperasi, command, today, policy)) is { } broken)
        {
            return broken;
        }

        if (Designations.Any(d => d.DesignationId == command.DesignationId))
        {
            return DomainError.Conflict("flagship-designation-already-recorded", $"Designation {command.DesignationId} is already recorded.", "designationId");
        }

        var overlapping = Designations.FirstOrDefault(d => d.Flag is null && d.ValidFrom <= command.ValidUntil && command.ValidFrom <= d.LastDay);
        return overlapping is not null
            ? DomainError.Conflict(
                "flagship-already-designated",
                $"The koperasi is already flagship from {overlapping.ValidFrom:yyyy-MM-dd} to {overlapping.LastDay:yyyy-MM-dd} (designation {overlapping.DesignationId}); end it first.",
                "validFrom")
            : Decision.Accept(new FlagshipDesignated(CooperativeId, command.DesignationId, command.RegencyCode, command.Reason, command.ValidFrom, command.ValidUntil, today));
    }

    /// <summary>
    /// Ends a designation from a day on (it held until the day before). A dissolved koperasi's
    /// designation may still be ended: that is how the Dinas closes a flagged one.
    /// </summary>
    public Decision EndFlagshipDesignation(EndFlagshipDesignation command, DateOnly today)
    {
        if (Designations.FirstOrDefault(d => d.DesignationId == command.DesignationId) is not { } designation)
        {
            return DomainError.Unprocessable("flagship-designation-not-found", $"The koperasi has no flagship designation {command.DesignationId}.", "designationId");
        }

        if (designation.EndedOn is { } ended)
        {
            return DomainError.Conflict("flagship-designation-already-ended", $"Designation {command.DesignationId} was ended from {ended:yyyy-MM-dd}.", "designationId");
        }

        if (command.EndedOn > today)
        {
            return DomainError.Unprocessable("flagship-end-in-future", "A designation is ended from today or a day that has passed.", "endedOn");
        }

        if (command.EndedOn <= designation.ValidFrom || command.EndedOn > designation.ValidUntil)
        {
            return DomainError.Unprocessable(
                "flagship-end-outside-period",
                $"The designation holds from {designation.ValidFrom:yyyy-MM-dd} to {designation.ValidUntil:yyyy-MM-dd}; it can be ended from a day after its first up to its last.",
                "endedOn");
        }

        return Decision.Accept(new FlagshipDesignationEnded(CooperativeId, command.DesignationId, command.EndedOn, command.Reason));
    }

    private static DomainError? CheckDesignation(Cooperative koperasi, DesignateFlagship command, DateOnly today, ActivityPolicy policy)
    {
        if (command.RegencyCode != koperasi.Address.RegencyCode)
        {
            return DomainError.Unprocessable(
                "flagship-outside-regency",
                $"A flagship of {Regencies.NameOf(command.RegencyCode)} is a koperasi of that regency; this one is in {Regencies.NameOf(koperasi.Address.RegencyCode)}.",
                "regencyCode");
        }

        if (command.ValidUntil < command.ValidFrom)
        {
            return DomainError.Unprocessable("flagship-period-invalid", "The period ends before it starts.", "validUntil");
        }

        if (command.ValidUntil < today)
        {
            return DomainError.Unprocessable("flagship-period-over", "The period is over; a designation holds for a period that has not ended.", "validUntil");
        }

        if (command.ValidFrom < koperasi.LegalEntity.DecreeDate)
        {
            return DomainError.Unprocessable("flagship-before-legal-entity", $"The koperasi became a legal entity on {koperasi.LegalEntity.DecreeDate:yyyy-MM-dd}.", "validFrom");
        }

        var activity = ActivityRule.StatusOn(today, koperasi.LegalEntity.DecreeDate, koperasi.Rats, policy);
        return activity == ActivityStatus.Aktif && koperasi.Activity == ActivityStatus.Aktif
            ? null
            : DomainError.Conflict("flagship-requires-aktif", "Only an aktif koperasi can be a flagship; this one is tidak-aktif.");
    }
}

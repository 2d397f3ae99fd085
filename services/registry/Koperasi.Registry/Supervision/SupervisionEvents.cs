using Marten;

namespace Koperasi.Registry.Supervision;

// Supervision facts live on the koperasi's own stream (NOTES-supervision.md says why). They are
// private to the Registry; the public contracts are in Koperasi.Contracts/Registry.

/// <summary>A pembina was assigned at a level where the koperasi had none.</summary>
public sealed record PembinaAssigned(Guid CooperativeId, PembinaLevel Level, string PembinaUserId, string? RegencyCode, DateOnly AssignedOn);

/// <summary>Another pembina took over a level from <see cref="ReassignedOn"/>.</summary>
public sealed record PembinaReassigned(Guid CooperativeId, PembinaLevel Level, string PreviousPembinaUserId, string PembinaUserId, string? RegencyCode, DateOnly ReassignedOn);

/// <summary>A visit, guidance session or RAT attendance, with its follow-ups (numbered from 1).</summary>
public sealed record SupervisionRecorded(
    Guid CooperativeId,
    Guid RecordId,
    SupervisionKind Kind,
    DateOnly HeldOn,
    string PembinaUserId,
    string Findings,
    string Recommendations,
    IReadOnlyList<FollowUpPlan> FollowUps);

/// <summary>A follow-up of a record was done.</summary>
public sealed record FollowUpCompleted(Guid CooperativeId, Guid RecordId, int Number, DateOnly CompletedOn, string? Note);

/// <summary>The koperasi was designated flagship (koperasi unggulan) of its regency; who did it is in the event's headers.</summary>
public sealed record FlagshipDesignated(
    Guid CooperativeId,
    Guid DesignationId,
    string RegencyCode,
    string Reason,
    DateOnly ValidFrom,
    DateOnly ValidUntil,
    DateOnly DesignatedOn);

/// <summary>A designation was ended before (or at) the end of its period.</summary>
public sealed record FlagshipDesignationEnded(Guid CooperativeId, Guid DesignationId, DateOnly EndedOn, string Reason);

/// <summary>The ministry renewed the koperasi's NIK koperasi for another year.</summary>
public sealed record NikKoperasiRenewed(Guid CooperativeId, string Number, DateOnly RenewedOn);

/// <summary>The koperasi is the Kopdes/Kel Merah Putih of a desa or kelurahan.</summary>
public sealed record KdmpMarked(Guid CooperativeId, string DesaCode, string KecamatanCode, string RegencyCode, DateOnly MarkedOn);

/// <summary>A formation step of the KDMP took place.</summary>
public sealed record KdmpFormationStepRecorded(Guid CooperativeId, KdmpFormationStep Step, DateOnly On, string? Reference);

/// <summary>Stored event names: stable, so renaming or moving a class never breaks history.</summary>
public static class SupervisionEventNames
{
    public static void Register(StoreOptions options)
    {
        options.Events.MapEventType<PembinaAssigned>("pembina-assigned");
        options.Events.MapEventType<PembinaReassigned>("pembina-reassigned");
        options.Events.MapEventType<SupervisionRecorded>("supervision-recorded");
        options.Events.MapEventType<FollowUpCompleted>("follow-up-completed");
        options.Events.MapEventType<FlagshipDesignated>("flagship-designated");
        options.Events.MapEventType<FlagshipDesignationEnded>("flagship-designation-ended");
        options.Events.MapEventType<NikKoperasiRenewed>("nik-koperasi-renewed");
        options.Events.MapEventType<KdmpMarked>("kdmp-marked");
        options.Events.MapEventType<KdmpFormationStepRecorded>("kdmp-formation-step-recorded");
    }
}

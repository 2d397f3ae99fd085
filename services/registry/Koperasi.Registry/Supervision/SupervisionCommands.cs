namespace Koperasi.Registry.Supervision;

/// <summary>Assign a pembina at a level; a kabupaten/kota pembina names its regency (BPS code), a provincial one none.</summary>
public sealed record AssignPembina(PembinaLevel Level, string PembinaUserId, string? RegencyCode);

/// <summary>Record a supervision with its findings, recommendations and follow-ups.</summary>
public sealed record RecordSupervision(
    Guid RecordId,
    SupervisionKind Kind,
    DateOnly HeldOn,
    string PembinaUserId,
    string Findings,
    string Recommendations,
    IReadOnlyList<FollowUpPlan> FollowUps);

/// <summary>Record that follow-up <see cref="Number"/> of a record was done.</summary>
public sealed record CompleteFollowUp(Guid RecordId, int Number, DateOnly CompletedOn, string? Note);

/// <summary>Designate the koperasi the flagship (koperasi unggulan) of its regency for a period.</summary>
public sealed record DesignateFlagship(Guid DesignationId, string RegencyCode, string Reason, DateOnly ValidFrom, DateOnly ValidUntil);

/// <summary>End a designation from <see cref="EndedOn"/> on.</summary>
public sealed record EndFlagshipDesignation(Guid DesignationId, DateOnly EndedOn, string Reason);

/// <summary>Record the yearly renewal of the koperasi's NIK koperasi.</summary>
public sealed record RenewNikKoperasi(string Number, DateOnly RenewedOn);

/// <summary>Mark the koperasi as the KDMP of a desa or kelurahan (Kemendagri code).</summary>
public sealed record MarkKdmp(string DesaCode, DateOnly MarkedOn);

/// <summary>Record a dated formation step of the koperasi as KDMP.</summary>
public sealed record RecordKdmpFormationStep(KdmpFormationStep Step, DateOnly On, string? Reference);

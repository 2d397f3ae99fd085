namespace Koperasi.Registry.Supervision;

/// <summary>The level a pembina supervises at: the province, or one regency or city.</summary>
public enum PembinaLevel
{
    Provinsi,
    KabupatenKota,
}

/// <summary>What a supervision record (pembinaan) was.</summary>
public enum SupervisionKind
{
    /// <summary>A visit to the koperasi.</summary>
    Visit,

    /// <summary>A guidance session (bimbingan).</summary>
    Guidance,

    /// <summary>Attendance at the koperasi's RAT.</summary>
    RatAttendance,
}

/// <summary>The formation steps the Kopdes/Kel Merah Putih programme records, in their order.</summary>
public enum KdmpFormationStep
{
    /// <summary>Musyawarah desa khusus: the desa's special meeting that decides to form the KDMP.</summary>
    MusyawarahDesaKhusus,

    /// <summary>The notarial deed of establishment.</summary>
    Deed,

    /// <summary>The ministry's decree that makes it a legal entity.</summary>
    LegalEntity,
}

/// <summary>Why a flagship designation was flagged.</summary>
public enum FlagshipFlagReason
{
    /// <summary>The koperasi became tidak aktif while designated.</summary>
    TidakAktif,

    /// <summary>The koperasi was dissolved while designated.</summary>
    Dissolved,
}

/// <summary>A pembina assigned at a level, from a day until reassigned (<see cref="Until"/>, exclusive).</summary>
public sealed record PembinaAssignment(PembinaLevel Level, string PembinaUserId, string? RegencyCode, DateOnly From, DateOnly? Until = null)
{
    public bool HoldsOn(DateOnly day) => From <= day && (Until is null || day < Until);
}

/// <summary>Something the koperasi is to do after a supervision, by <see cref="DueOn"/>; numbered from 1 within its record.</summary>
public sealed record FollowUp(int Number, string Action, DateOnly DueOn, DateOnly? CompletedOn = null, string? CompletionNote = null)
{
    /// <summary>Overdue as of <paramref name="day"/>: due before it and not completed by it.</summary>
    public bool IsOverdueOn(DateOnly day) => DueOn < day && (CompletedOn is null || CompletedOn > day);
}

/// <summary>A supervision record as recorded, with its follow-ups as they stand.</summary>
public sealed record SupervisionRecord(
    Guid RecordId,
    SupervisionKind Kind,
    DateOnly HeldOn,
    string PembinaUserId,
    string Findings,
    string Recommendations,
    IReadOnlyList<FollowUp> FollowUps);

/// <summary>A follow-up to record: what, and by when.</summary>
public sealed record FollowUpPlan(string Action, DateOnly DueOn);

/// <summary>Set on a flagship designation when its koperasi became tidak aktif or was dissolved while designated.</summary>
public sealed record FlagshipFlag(FlagshipFlagReason Reason, DateOnly On);

/// <summary>
/// A designation as koperasi unggulan of a regency for a period (both days included), until ended
/// (<see cref="EndedOn"/>, from which it no longer holds).
/// </summary>
public sealed record FlagshipDesignation(
    Guid DesignationId,
    string RegencyCode,
    string Reason,
    DateOnly ValidFrom,
    DateOnly ValidUntil,
    DateOnly DesignatedOn,
    DateOnly? EndedOn = null,
    string? EndReason = null,
    FlagshipFlag? Flag = null)
{
    /// <summary>The last day it held, or will hold: the end of its period or the day before it was ended.</summary>
    public DateOnly LastDay => EndedOn is { } ended && ended <= ValidUntil ? ended.AddDays(-1) : ValidUntil;

    /// <summary>Within its period and not ended on <paramref name="day"/>, flagged or not.</summary>
    public bool CoversOn(DateOnly day) => ValidFrom <= day && day <= LastDay;

    /// <summary>Makes its koperasi the regency's flagship on <paramref name="day"/>: covered, and not flagged by then.</summary>
    public bool HoldsOn(DateOnly day) => CoversOn(day) && (Flag is null || day < Flag.On);
}

/// <summary>A NIK koperasi the koperasi held: issued on a day, renewed yearly.</summary>
public sealed record NikKoperasiHolding(string Number, DateOnly IssuedOn, IReadOnlyList<DateOnly> Renewals)
{
    /// <summary>Issued or renewed on or before <paramref name="day"/> and less than a year before it.</summary>
    public bool IsCurrentOn(DateOnly day) =>
        Renewals.Append(IssuedOn).Any(d => d <= day && day < d.AddYears(1));
}

/// <summary>The koperasi is the KDMP of a desa or kelurahan, from <see cref="MarkedOn"/>.</summary>
public sealed record KdmpMarking(string DesaCode, string KecamatanCode, string RegencyCode, DateOnly MarkedOn, IReadOnlyDictionary<KdmpFormationStep, KdmpStepRecord> Steps);

/// <summary>A formation step: when, and the reference (a deed or decree number) if any.</summary>
public sealed record KdmpStepRecord(DateOnly On, string? Reference);

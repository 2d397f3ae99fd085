namespace Koperasi.Registry.Supervision;

/// <summary>A follow-up not done by its due date, with where it belongs.</summary>
public sealed record OverdueFollowUp(
    Guid CooperativeId,
    string RegencyCode,
    Guid RecordId,
    int Number,
    string Action,
    DateOnly DueOn,
    int DaysOverdue,
    IReadOnlyList<string> Pembina);

/// <summary>Pure queries over the supervision of many koperasi, as of a day.</summary>
public static class SupervisionQueries
{
    /// <summary>The koperasi <paramref name="pembinaUserId"/> supervised (at any level) on <paramref name="day"/>.</summary>
    public static IReadOnlyList<CooperativeSupervision> KoperasiOf(IEnumerable<CooperativeSupervision> koperasi, string pembinaUserId, DateOnly day) =>
        [.. koperasi.Where(k => k.ExistsOn(day) && PembinaOn(k, day).Contains(pembinaUserId, StringComparer.Ordinal))];

    /// <summary>The pembina (of every level) of a koperasi on <paramref name="day"/>.</summary>
    public static IReadOnlyList<string> PembinaOn(CooperativeSupervision koperasi, DateOnly day) =>
        [.. koperasi.Assignments.Where(a => a.HoldsOn(day)).OrderBy(a => a.Level).Select(a => a.PembinaUserId)];

    /// <summary>
    /// The follow-ups overdue as of <paramref name="day"/> (due before it and not completed by it)
    /// of the koperasi that existed then, most overdue first.
    /// </summary>
    public static IReadOnlyList<OverdueFollowUp> Overdue(IEnumerable<CooperativeSupervision> koperasi, DateOnly day) =>
    [
        .. koperasi.Where(k => k.ExistsOn(day)).SelectMany(k => k.Records
            .Where(r => r.HeldOn <= day)
            .SelectMany(r => r.FollowUps.Where(f => f.IsOverdueOn(day)).Select(f => new OverdueFollowUp(
                k.CooperativeId, k.RegencyCode, r.RecordId, f.Number, f.Action, f.DueOn, day.DayNumber - f.DueOn.DayNumber, PembinaOn(k, day)))))
            .OrderBy(o => o.DueOn).ThenBy(o => o.CooperativeId).ThenBy(o => o.Number),
    ];

    /// <summary>The overdue follow-ups of the koperasi of one regency (BPS code).</summary>
    public static IReadOnlyList<OverdueFollowUp> OverdueInRegency(IEnumerable<CooperativeSupervision> koperasi, string regencyCode, DateOnly day) =>
        Overdue(koperasi.Where(k => k.RegencyCode == regencyCode), day);

    /// <summary>The overdue follow-ups of the koperasi a pembina supervised on <paramref name="day"/>.</summary>
    public static IReadOnlyList<OverdueFollowUp> OverdueForPembina(IEnumerable<CooperativeSupervision> koperasi, string pembinaUserId, DateOnly day) =>
        Overdue(KoperasiOf(koperasi, pembinaUserId, day), day);
}

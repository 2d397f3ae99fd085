namespace Koperasi.ServiceDefaults.Time;

/// <summary>Dates as they are in Jambi (WIB, UTC+7 all year: Indonesia keeps no daylight saving).</summary>
public static class ProvinceCalendar
{
    /// <summary>Offset of Western Indonesian Time.</summary>
    public static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    /// <summary>Today's date in Jambi.</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Wib).DateTime);
}

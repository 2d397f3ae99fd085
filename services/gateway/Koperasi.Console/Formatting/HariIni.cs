namespace Koperasi.Console.Formatting;

/// <summary>
/// Today as the console shows it and pre-fills its forms with: the date in Jambi (WIB) of the
/// services. That is the real date, moved forward by the development clock's offset once an
/// operator moved every service's clock (Development only: the gateway's <c>POST /dev/clock</c>, or
/// the console's *Jam pengembangan*), so a form's default date is the services' today, which the
/// services require a step's date not to pass.
/// </summary>
public sealed class HariIni(TimeProvider clock)
{
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);
    private int _offsetDays;

    /// <summary>How many days the services' clocks run ahead of the real date, as last seen.</summary>
    public int OffsetDays => Volatile.Read(ref _offsetDays);

    /// <summary>The services' time now, in WIB.</summary>
    public DateTimeOffset Now => clock.GetUtcNow().AddDays(OffsetDays).ToOffset(Wib);

    /// <summary>The services' date today.</summary>
    public DateOnly Tanggal => DateOnly.FromDateTime(Now.DateTime);

    /// <summary>The services' clocks were seen <paramref name="offsetDays"/> ahead (they only move forward until restarted).</summary>
    public void ServicesAt(int offsetDays) => Interlocked.Exchange(ref _offsetDays, Math.Max(0, offsetDays));
}

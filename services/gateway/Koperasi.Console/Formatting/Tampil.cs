using System.Globalization;

namespace Koperasi.Console.Formatting;

/// <summary>
/// How the console writes dates, numbers and money, in Bahasa Indonesia whatever the server's
/// culture: "29 Agustus 2025", "5.053", "Rp 19,33 miliar", "Rp 565 juta".
/// </summary>
public static class Tampil
{
    /// <summary>Indonesian number formatting: '.' groups thousands, ',' separates decimals.</summary>
    public static readonly NumberFormatInfo Numbers = new()
    {
        NumberGroupSeparator = ".",
        NumberDecimalSeparator = ",",
        NumberGroupSizes = [3],
        NegativeSign = "-",
    };

    private static readonly string[] Months =
    [
        "Januari", "Februari", "Maret", "April", "Mei", "Juni",
        "Juli", "Agustus", "September", "Oktober", "November", "Desember",
    ];

    /// <summary>"29 Agustus 2025".</summary>
    public static string Date(DateOnly date) => $"{date.Day} {Months[date.Month - 1]} {date.Year}";

    /// <summary>"29 Agustus 2025" or "–" when there is no date.</summary>
    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "–";

    /// <summary>"Agustus 2025".</summary>
    public static string Month(DateOnly date) => $"{Months[date.Month - 1]} {date.Year}";

    /// <summary>"29 Agustus 2025 14.05 WIB": a moment in Jambi's time (UTC+7), as officers read it.</summary>
    public static string Moment(DateTimeOffset moment)
    {
        var local = moment.ToOffset(TimeSpan.FromHours(7));
        return $"{Date(DateOnly.FromDateTime(local.DateTime))} {local.Hour:00}.{local.Minute:00} WIB";
    }

    /// <summary>"5.053".</summary>
    public static string Number(long value) => value.ToString("#,0", Numbers);

    /// <summary>"5.053" or "–".</summary>
    public static string Number(long? value) => value is { } v ? Number(v) : "–";

    /// <summary>"+12" / "-3" / "0": a change, always signed.</summary>
    public static string Change(long value) => value > 0 ? "+" + Number(value) : Number(value);

    /// <summary>"66,4%" with one decimal.</summary>
    public static string Percent(decimal ratio) => (ratio * 100).ToString("0.0", Numbers) + "%";

    /// <summary>
    /// Money as officers say it: "Rp 19,33 miliar", "Rp 565 juta", "Rp 1,2 triliun"; below a
    /// million the exact amount, "Rp 750.000". Two decimals at most, trailing zeros dropped.
    /// </summary>
    public static string Money(decimal amount)
    {
        var sign = amount < 0 ? "-" : "";
        var value = Math.Abs(amount);
        return value switch
        {
            >= 1_000_000_000_000m => $"{sign}Rp {Scaled(value / 1_000_000_000_000m)} triliun",
            >= 1_000_000_000m => $"{sign}Rp {Scaled(value / 1_000_000_000m)} miliar",
            >= 1_000_000m => $"{sign}Rp {Scaled(value / 1_000_000m)} juta",
            _ => $"{sign}Rp {Math.Round(value, 0, MidpointRounding.AwayFromZero).ToString("#,0", Numbers)}",
        };
    }

    /// <summary>Money or "–".</summary>
    public static string Money(decimal? amount) => amount is { } a ? Money(a) : "–";

    private static string Scaled(decimal value) =>
        Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("#,0.##", Numbers);

    /// <summary>Parses a date as the API writes it (ISO 8601), or null.</summary>
    public static DateOnly? IsoDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>A date as the API takes it: "2025-08-29".</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

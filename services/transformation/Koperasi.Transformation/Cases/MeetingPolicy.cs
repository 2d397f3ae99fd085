using System.ComponentModel;
using System.Globalization;

namespace Koperasi.Transformation.Cases;

/// <summary>
/// The thresholds a members' meeting must reach to approve a transformation (policy,
/// configuration section "Meetings"; DOMAIN.md: quorum 3/4 of members, decision by 2/3 of valid votes).
/// </summary>
public sealed record MeetingPolicy
{
    /// <summary>Share of all members that must be present.</summary>
    public Fraction Quorum { get; init; } = new(3, 4);

    /// <summary>Share of the valid votes (for and against) that must be for.</summary>
    public Fraction Majority { get; init; } = new(2, 3);

    /// <summary>Rejects thresholds a meeting could never be judged by.</summary>
    public void Validate()
    {
        foreach (var (name, value) in new[] { ("Meetings:Quorum", Quorum), ("Meetings:Majority", Majority) })
        {
            if (value.Numerator <= 0 || value.Numerator > value.Denominator)
            {
                throw new InvalidOperationException($"{name} must be a fraction above 0 and at most 1, such as 3/4; it is {value}.");
            }
        }
    }
}

/// <summary>A share such as 3/4, compared in whole numbers so no rounding decides a vote.</summary>
[TypeConverter(typeof(FractionConverter))]
public sealed record Fraction(int Numerator, int Denominator)
{
    /// <summary>Whether <paramref name="part"/> of <paramref name="whole"/> reaches this share; never for an empty whole.</summary>
    public bool IsReachedBy(int part, int whole) => whole > 0 && (long)part * Denominator >= (long)whole * Numerator;

    public override string ToString() => $"{Numerator}/{Denominator}";

    /// <summary>Reads "3/4".</summary>
    public static bool TryParse(string? text, out Fraction fraction)
    {
        fraction = new Fraction(0, 1);
        var parts = text?.Split('/', StringSplitOptions.TrimEntries) ?? [];
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var numerator)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var denominator)
            || denominator == 0)
        {
            return false;
        }

        fraction = new Fraction(numerator, denominator);
        return true;
    }
}

/// <summary>Lets configuration say "3/4".</summary>
public sealed class FractionConverter : TypeConverter
{
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) =>
        sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string text
            ? Fraction.TryParse(text, out var fraction) ? fraction : throw new FormatException($"'{text}' is not a fraction such as 3/4.")
            : base.ConvertFrom(context, culture, value);
}

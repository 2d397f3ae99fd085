namespace Koperasi.Console.Components.Blocks;

/// <summary>One series of a chart: a name, a CSS class for its colour, and a value per label.</summary>
public sealed record Series(string Name, string CssClass, IReadOnlyList<decimal> Values);

/// <summary>The arithmetic the SVG charts share: a rounded top for the axis and the ticks.</summary>
public static class ChartScale
{
    /// <summary>A "nice" maximum at or above <paramref name="max"/> (1, 2 or 5 times a power of ten).</summary>
    public static decimal NiceMax(decimal max)
    {
        if (max <= 0)
        {
            return 1;
        }

        var power = (decimal)Math.Pow(10, Math.Floor(Math.Log10((double)max)));
        foreach (var step in new[] { 1m, 2m, 5m, 10m })
        {
            if (step * power >= max)
            {
                return step * power;
            }
        }

        return 10 * power;
    }

    public static string F(double value) => value.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}

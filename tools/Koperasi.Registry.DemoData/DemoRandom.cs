namespace Koperasi.Registry.Demo;

/// <summary>Draws from the generator's one seeded <see cref="Random"/>, so every run yields the same set.</summary>
internal static class DemoRandom
{
    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>An integer from <paramref name="min"/> to <paramref name="max"/>, both included.</summary>
    public static int Between(this Random random, int min, int max) => random.Next(min, max + 1);

    public static double Between(this Random random, double min, double max) => min + (random.NextDouble() * (max - min));

    /// <summary>A day from <paramref name="first"/> to <paramref name="last"/>, both included.</summary>
    public static DateOnly DayBetween(this Random random, DateOnly first, DateOnly last) =>
        first.AddDays(random.Next(last.DayNumber - first.DayNumber + 1));

    /// <summary>Picks by weight from (weight, value) pairs.</summary>
    public static T Weighted<T>(this Random random, IReadOnlyList<(double Weight, T Value)> choices)
    {
        var roll = random.NextDouble() * choices.Sum(c => c.Weight);
        foreach (var (weight, value) in choices)
        {
            roll -= weight;
            if (roll < 0)
            {
                return value;
            }
        }

        return choices.Last(c => c.Weight > 0).Value;
    }

    /// <summary>
    /// Exactly <paramref name="count"/> distinct items, each the likelier the heavier it weighs
    /// (Efraimidis–Spirakis sampling without replacement).
    /// </summary>
    public static List<T> Sample<T>(this Random random, IReadOnlyList<T> items, int count, Func<T, double> weight)
    {
        if (count > items.Count)
        {
            throw new InvalidOperationException($"Cannot pick {count} of {items.Count}: the demo targets contradict each other.");
        }

        return [.. items
            .Select(item => (Item: item, Key: Math.Pow(random.NextDouble(), 1 / weight(item))))
            .OrderByDescending(x => x.Key)
            .Take(count)
            .Select(x => x.Item)];
    }

    public static void Shuffle<T>(this Random random, IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}

using System.Globalization;

namespace Koperasi.Testing;

/// <summary>
/// Reads a harness's command line (the benchmarks, the fault injection): each option in turn and the
/// values it takes. A wrong option or value is a <see cref="FormatException"/> naming it; <c>--help</c>
/// and <c>-h</c> answer the usage alone.
/// </summary>
public sealed class OptionReader
{
    private readonly IReadOnlyList<string> _args;
    private int _index = -1;

    private OptionReader(IReadOnlyList<string> args) => _args = args;

    /// <summary>The option being read.</summary>
    public string Option => _args[_index];

    /// <summary>
    /// Applies every option of <paramref name="args"/> to <paramref name="defaults"/> with
    /// <paramref name="apply"/>; null and the message followed by <paramref name="usage"/> when one is wrong
    /// or help was asked for.
    /// </summary>
    public static (T? Options, string? Error) Parse<T>(IReadOnlyList<string> args, T defaults, string usage, Func<T, OptionReader, T> apply)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(apply);
        var reader = new OptionReader(args);
        var options = defaults;
        try
        {
            while (++reader._index < args.Count)
            {
                options = reader.Option is "--help" or "-h" ? throw new FormatException("") : apply(options, reader);
            }
        }
        catch (FormatException exception)
        {
            return (null, $"{exception.Message}\n\n{usage}".Trim());
        }

        return (options, null);
    }

    /// <summary>The option's value: the next argument.</summary>
    public string Value()
    {
        var option = Option;
        return _index + 1 < _args.Count ? _args[++_index] : throw new FormatException($"{option} needs a value.");
    }

    /// <summary>The option's value as a positive whole number.</summary>
    public int Number()
    {
        var option = Option;
        return int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new FormatException($"{option} needs a positive whole number.");
    }

    /// <summary>The answer to an option the harness does not know.</summary>
    public FormatException Unknown() => new($"Unknown option {Option}.");
}

using System.Collections;
using Microsoft.Extensions.Logging;

namespace Koperasi.ServiceDefaults.PersonalData;

/// <summary>
/// Wraps the real logger factory, so every logger the service resolves (<c>ILogger&lt;T&gt;</c>
/// is built from it too) hands its providers, whichever they are, a record already scrubbed of
/// NIKs: the formatted message, every state value, every scope and the exception.
/// </summary>
internal sealed class ScrubbingLoggerFactory(ILoggerFactory inner, bool ownsInner) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new ScrubbingLogger(inner.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose()
    {
        if (ownsInner)
        {
            inner.Dispose();
        }
    }
}

internal sealed class ScrubbingLogger(ILogger inner) : ILogger
{
    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull =>
        inner.BeginScope(ScrubScope(state));

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!inner.IsEnabled(logLevel))
        {
            return;
        }

        ArgumentNullException.ThrowIfNull(formatter);
        var message = Nik.Scrub(formatter(state, exception));
        var values = state switch
        {
            IReadOnlyList<KeyValuePair<string, object?>> list => ScrubValues(list),
            IEnumerable<KeyValuePair<string, object?>> pairs => ScrubValues([.. pairs]),
            _ => [],
        };
        inner.Log(logLevel, eventId, new ScrubbedState(values, message), ScrubbedException.From(exception), static (s, _) => s.ToString());
    }

    private static object ScrubScope(object state)
    {
        switch (state)
        {
            case string text:
                return Nik.Scrub(text);
            case IReadOnlyList<KeyValuePair<string, object?>> list:
                var values = ScrubValues(list);
                return ReferenceEquals(values, list) ? state : new ScrubbedState(values, Nik.Scrub(state.ToString() ?? ""));
            case IEnumerable<KeyValuePair<string, object?>> pairs:
                return new ScrubbedState(ScrubValues([.. pairs]), Nik.Scrub(state.ToString() ?? ""));
            default:
                return PersonalDataValues.Scrub(state)!;
        }
    }

    /// <summary>The same list when no value holds a NIK, otherwise a scrubbed copy in the same order.</summary>
    private static IReadOnlyList<KeyValuePair<string, object?>> ScrubValues(IReadOnlyList<KeyValuePair<string, object?>> values)
    {
        KeyValuePair<string, object?>[]? scrubbed = null;
        for (var i = 0; i < values.Count; i++)
        {
            var (key, value) = values[i];
            var clean = PersonalDataValues.Scrub(value);
            if (!ReferenceEquals(clean, value) && scrubbed is null)
            {
                scrubbed = new KeyValuePair<string, object?>[values.Count];
                for (var j = 0; j < i; j++)
                {
                    scrubbed[j] = values[j];
                }
            }

            scrubbed?[i] = new(key, clean);
        }

        return scrubbed ?? values;
    }
}

/// <summary>
/// Log state as the providers see it: structured values (with <c>{OriginalFormat}</c>, scrubbed
/// like any other) and the message, formatted once and scrubbed.
/// </summary>
internal sealed class ScrubbedState(IReadOnlyList<KeyValuePair<string, object?>> values, string message)
    : IReadOnlyList<KeyValuePair<string, object?>>
{
    public KeyValuePair<string, object?> this[int index] => values[index];

    public int Count => values.Count;

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => message;
}

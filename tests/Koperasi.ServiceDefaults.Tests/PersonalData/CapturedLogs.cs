using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Koperasi.ServiceDefaults.Tests.PersonalData;

/// <summary>One log record as a provider received it, every part of it as text.</summary>
public sealed record CapturedLog(
    string Category,
    LogLevel Level,
    string Message,
    IReadOnlyList<KeyValuePair<string, string>> Values,
    IReadOnlyList<string> Scopes,
    string? Exception)
{
    public string AllText =>
        string.Join("\n", [Category, Message, .. Values.Select(v => $"{v.Key}={v.Value}"), .. Scopes, Exception ?? ""]);
}

/// <summary>
/// A logger provider that keeps everything it is handed, scopes included, the way a real
/// provider would write it out (values as their invariant text, collections item by item).
/// </summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedLog> _records = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<CapturedLog> Records => [.. _records];

    public string AllText => string.Join("\n---\n", Records.Select(r => r.AllText));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        IEnumerable items => string.Join(",", items.Cast<object?>().Select(Text)),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    // The logging factory's own scope naming the current span: random hex ids, not data. A span id
    // is 16 decimal digits about once in 2,000 spans, and the parent id of a root span is 16 zeros.
    private static bool IsActivityTracking(object? scope) =>
        scope is IEnumerable<KeyValuePair<string, object?>> pairs && pairs.Any(p => p.Key == "SpanId") && pairs.Any(p => p.Key == "TraceId");

    private static IEnumerable<KeyValuePair<string, string>> Pairs(object? state) =>
        state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? pairs.Select(p => new KeyValuePair<string, string>(p.Key, Text(p.Value)))
            : [];

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<string>();
            owner._scopes.ForEachScope(
                (scope, list) =>
                {
                    if (IsActivityTracking(scope))
                    {
                        return;
                    }

                    list.Add(Text(scope is string ? scope : scope?.ToString()));
                    list.AddRange(Pairs(scope).Select(p => $"{p.Key}={p.Value}"));
                },
                scopes);
            owner._records.Enqueue(new CapturedLog(
                category,
                logLevel,
                formatter(state, exception),
                [.. Pairs(state)],
                scopes,
                exception is null ? null : $"{exception.GetType().FullName}: {exception.Message}\n{exception}"));
        }
    }
}

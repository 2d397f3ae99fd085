using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Koperasi.ServiceDefaults.Telemetry;

/// <summary>
/// The last errors this process logged (level Error and above), kept in memory for the operators'
/// <c>GET {group}/ops/errors</c> (the console's Operasi page shows them). A log record reaches it as
/// every provider gets it: already scrubbed of NIKs by the scrubbing logger factory, so the message and
/// the exception's message carry no NIK in clear. The list lives in the process: a restart empties it.
/// </summary>
public sealed class RecentErrors
{
    /// <summary>How many errors a process keeps, the oldest dropped first.</summary>
    public const int Capacity = 50;

    private readonly ConcurrentQueue<Entry> _entries = new();

    /// <summary>One logged error.</summary>
    /// <param name="At">When it was logged (the real time, not the development clock).</param>
    /// <param name="Category">The logger's category (the class that logged).</param>
    /// <param name="EventName">The event's name, when the log call named it.</param>
    /// <param name="Message">The formatted message.</param>
    /// <param name="ExceptionType">The exception's type, when one was logged.</param>
    /// <param name="ExceptionMessage">The exception's message.</param>
    public sealed record Entry(DateTimeOffset At, string Category, string? EventName, string Message, string? ExceptionType, string? ExceptionMessage);

    /// <summary>The errors kept, newest first.</summary>
    public IReadOnlyList<Entry> Latest() => [.. _entries.Reverse()];

    internal void Add(Entry entry)
    {
        _entries.Enqueue(entry);
        while (_entries.Count > Capacity && _entries.TryDequeue(out _))
        {
        }
    }
}

/// <summary>The logger provider that feeds <see cref="RecentErrors"/>.</summary>
internal sealed class RecentErrorsLoggerProvider(RecentErrors errors) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(errors, categoryName);

    public void Dispose()
    {
    }

    // A scrubbed stand-in (an exception whose text held a NIK) names the type it stands in for.
    private static string? TypeOf(Exception? exception) =>
        exception is PersonalData.ScrubbedException scrubbed ? scrubbed.OriginalType : exception?.GetType().FullName;

    private sealed class Logger(RecentErrors errors, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel is LogLevel.Error or LogLevel.Critical;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                errors.Add(new RecentErrors.Entry(
                    TimeProvider.System.GetUtcNow(), category, eventId.Name, formatter(state, exception), TypeOf(exception), exception?.Message));
            }
        }
    }
}

/// <summary>The operators' read of <see cref="RecentErrors"/>.</summary>
public static class RecentErrorsOperations
{
    /// <summary>Maps <c>GET {group}/ops/errors</c>: this process's last logged errors, newest first, admitted by <paramref name="policy"/>.</summary>
    public static RouteHandlerBuilder MapRecentErrors(this RouteGroupBuilder group, string policy) =>
        group.MapGet("/ops/errors", (RecentErrors errors) => TypedResults.Ok(errors.Latest()))
            .WithName("ReadRecentErrors")
            .WithTags("Operations")
            .WithSummary("Read the last logged errors")
            .WithDescription($"The last {RecentErrors.Capacity} errors this process logged (level Error and above), newest first: time, logger category, event name, message and exception type and message, with every NIK masked. In memory: a restart empties it; with several replicas, each answers its own.")
            .RequireAuthorization(policy)
            .Produces<IReadOnlyList<RecentErrors.Entry>>();
}

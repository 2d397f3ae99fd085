using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Koperasi.ServiceDefaults.PersonalData;

namespace Koperasi.Console.Operasi;

/// <summary>An error of a service: a message that failed every retry, as its error queue holds it, or an error the service logged.</summary>
/// <param name="Service">The service whose consumer failed (the queue's name starts with it) or that logged it; null when a queue's name says none.</param>
/// <param name="Queue">The error queue, or null for a logged error.</param>
/// <param name="At">When it failed (<c>MT-Fault-Timestamp</c>), when the message says.</param>
/// <param name="ExceptionType">The exception's type (<c>MT-Fault-ExceptionType</c>).</param>
/// <param name="Message">The exception's message (<c>MT-Fault-Message</c>), with every NIK, phone or account number masked.</param>
/// <param name="MessageType">The message's type (<c>MT-Fault-MessageType</c>).</param>
/// <param name="Category">For a logged error, the logger's category (the class that logged it).</param>
public sealed record RecentError(string? Service, string? Queue, DateTimeOffset? At, string? ExceptionType, string? Message, string? MessageType, string? Category = null);

/// <summary>An error a service logged, as its <c>GET /api/{service}/ops/errors</c> answers it.</summary>
public sealed record LoggedError(DateTimeOffset At, string Category, string? EventName, string Message, string? ExceptionType, string? ExceptionMessage);

/// <summary>The recent errors, or why they cannot be shown.</summary>
public sealed record RecentErrorsAnswer(IReadOnlyList<RecentError>? Errors, string? Problem);

public sealed partial class PantauanOperasi
{
    /// <summary>How many messages of each error queue are read (the oldest first, as the broker gives them).</summary>
    public const int ErrorsReadPerQueue = 50;

    /// <summary>How many errors of each service the page shows, the newest first.</summary>
    public const int ErrorsShownPerService = 10;

    /// <summary>
    /// The last errors of each service: the messages of every non-empty error queue (MassTransit moves a
    /// message there when its consumer failed every retry), read through the management API and put back
    /// as they were (<c>ack_requeue_true</c>), with the exception MassTransit recorded in their headers.
    /// An exception's message can quote its input: every NIK, and every other run of digits long enough
    /// to be a phone or an account number, is masked before it leaves this method.
    /// </summary>
    public async Task<RecentErrorsAnswer> RecentErrorsAsync(IReadOnlyList<QueueState>? queues, CancellationToken cancellationToken = default)
    {
        if (!Settings.RabbitMqConfigured || queues is null)
        {
            return new RecentErrorsAnswer(null, null);
        }

        var vhost = Uri.EscapeDataString(Settings.VirtualHost);
        var errors = new List<RecentError>();
        try
        {
            foreach (var queue in queues.Where(q => q.IsErrorQueue && q.Messages > 0))
            {
                using var get = Management(HttpMethod.Post, $"queues/{vhost}/{Uri.EscapeDataString(queue.Name)}/get");
                get.Content = JsonContent.Create(new { count = ErrorsReadPerQueue, ackmode = "ack_requeue_true", encoding = "auto", truncate = 1 });
                using var got = await http.SendAsync(get, cancellationToken);
                if (!got.IsSuccessStatusCode)
                {
                    return new RecentErrorsAnswer(null, $"API manajemen RabbitMQ menjawab HTTP {(int)got.StatusCode}.");
                }

                var messages = await got.Content.ReadFromJsonAsync<List<ManagementMessage>>(Json, cancellationToken) ?? [];
                errors.AddRange(messages.Select(m => ErrorOf(ServiceOf(queue.Name), queue.Name, m.Properties)));
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new RecentErrorsAnswer(null, "API manajemen RabbitMQ tidak menjawab.");
        }

        return new RecentErrorsAnswer(Latest(errors), null);
    }

    /// <summary>The errors a service logged, as the page shows them (masked again: an exception's message may quote a phone or an account).</summary>
    public static IEnumerable<RecentError> Logged(string service, IEnumerable<LoggedError> entries) =>
        entries.Select(e => new RecentError(
            service, null, e.At, Masked(e.ExceptionType),
            Masked(e.ExceptionMessage is { } inner && inner != e.Message ? $"{e.Message} ({inner})" : e.Message), null, e.Category));

    /// <summary>The newest errors first, at most <see cref="ErrorsShownPerService"/> of each service (or of each queue no service owns).</summary>
    public static IReadOnlyList<RecentError> Latest(IEnumerable<RecentError> errors) =>
        [
            .. errors.GroupBy(e => e.Service ?? e.Queue ?? "", StringComparer.Ordinal)
                .SelectMany(g => g.OrderByDescending(e => e.At ?? DateTimeOffset.MinValue).Take(ErrorsShownPerService))
                .OrderByDescending(e => e.At ?? DateTimeOffset.MinValue),
        ];

    /// <summary>The error a message's properties describe (its payload is never read: it may hold anything).</summary>
    public static RecentError ErrorOf(string? service, string queue, JsonElement? properties)
    {
        JsonElement headers = default;
        var hasHeaders = properties is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty("headers", out headers) && headers.ValueKind == JsonValueKind.Object;
        string? Header(string name) => hasHeaders && headers.TryGetProperty(name, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.ToString()
            : null;

        DateTimeOffset? at = DateTimeOffset.TryParse(Header("MT-Fault-Timestamp"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var stamp) ? stamp : null;
        if (at is null && properties is { ValueKind: JsonValueKind.Object } q && q.TryGetProperty("timestamp", out var seconds) && seconds.TryGetInt64(out var unix))
        {
            at = DateTimeOffset.FromUnixTimeSeconds(unix);
        }

        return new RecentError(service, queue, at, Masked(Header("MT-Fault-ExceptionType")), Masked(Header("MT-Fault-Message")), Masked(Header("MT-Fault-MessageType")));
    }

    /// <summary>
    /// A text with every NIK masked as everywhere in the platform (<c>150101******0001</c>), and every
    /// other run of six or more digits (a phone or an account number) shown by its last two only.
    /// </summary>
    public static string? Masked(string? text) =>
        text is null ? null : LongDigits().Replace(Nik.Scrub(text)!, m => new string('*', m.Length - 2) + m.Value[^2..]);

    /// <summary>The service a queue belongs to: its name, after the configured prefix, starts with the service's name and a dash.</summary>
    public string? ServiceOf(string queue)
    {
        var name = Settings.QueuePrefix is { } prefix && queue.StartsWith(prefix, StringComparison.Ordinal) ? queue[prefix.Length..] : queue;
        return Settings.Services.Select(s => s.Name).FirstOrDefault(s => name.StartsWith(s + "-", StringComparison.Ordinal));
    }

    // Six or more digits in a row, or a phone number written in groups ("0812-3456-7890", "+62 812 3456 7890");
    // not a date ("2025-08-29"), and not the masked NIK again.
    [GeneratedRegex(@"(?<![\w*])(?:\d{6,}|\+?\d{2,4}(?:[ \-]\d{3,4}){2,})(?![\w*])", RegexOptions.CultureInvariant)]
    private static partial Regex LongDigits();
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

namespace Koperasi.Resilience;

/// <summary>A command the platform acknowledged: the koperasi it registered, when it was sent and when the answer came.</summary>
public sealed record Acknowledged(Guid CooperativeId, DateTimeOffset SentAt, DateTimeOffset At);

/// <summary>
/// A steady write load: registrations of new koperasi through the gateway at a fixed rate, each
/// acknowledged one (201 with its location) kept; every other answer counted by its status (or the
/// exception when none came). A command that got no answer may still have committed: the rows count
/// such facts as delivered without acknowledgement, never as lost.
/// </summary>
public sealed class WriteLoad : IAsyncDisposable
{
    private readonly HttpClient _client;
    private readonly ConcurrentQueue<Acknowledged> _acknowledged = new();
    private readonly ConcurrentDictionary<string, int> _refused = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _writers = [];

    private WriteLoad(HttpClient client) => _client = client;

    public IReadOnlyCollection<Acknowledged> Acknowledged => _acknowledged;

    /// <summary>Answers other than 201, by status code or exception name, with their counts.</summary>
    public IReadOnlyDictionary<string, int> Refused => _refused;

    /// <summary>Starts <paramref name="rate"/> registrations per second, spread over up to four concurrent writers.</summary>
    public static WriteLoad Start(HttpClient client, int rate)
    {
        var load = new WriteLoad(client);
        var writers = Math.Clamp(rate / 5, 1, 4);
        var interval = TimeSpan.FromSeconds((double)writers / rate);
        for (var i = 0; i < writers; i++)
        {
            load._writers.Add(Task.Run(() => load.WriteAsync(interval)));
        }

        return load;
    }

    /// <summary>Registers <paramref name="count"/> koperasi as fast as <paramref name="writers"/> connections allow.</summary>
    public static async Task<WriteLoad> BurstAsync(HttpClient client, int count, int writers)
    {
        var load = new WriteLoad(client);
        var left = count;
        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Decrement(ref left) >= 0)
            {
                await load.RegisterAsync(CancellationToken.None);
            }
        })));
        return load;
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_writers);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private async Task WriteAsync(TimeSpan interval)
    {
        var clock = Stopwatch.StartNew();
        var next = TimeSpan.Zero;
        while (!_stop.IsCancellationRequested)
        {
            await RegisterAsync(_stop.Token);
            next += interval;
            var wait = next - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
            else if (-wait > TimeSpan.FromSeconds(1))
            {
                // Behind by more than a second (an outage): no catching up in a rush afterwards.
                next = clock.Elapsed;
            }
        }
    }

    private async Task RegisterAsync(CancellationToken cancellationToken)
    {
        var decree = $"{Guid.NewGuid():N}/BH/XIV.10/2021";
        var body = $$"""
            {"name":"Koperasi Uji Ketahanan {{decree[..8]}}","form":"primer","type":"konsumen","supervisionLevel":"kabupaten-kota",
             "address":{"street":"Jl. Jenderal Sudirman 8","kecamatan":"Jambi Selatan","regencyCode":"1571"},
             "legalEntity":{"decreeNumber":"{{decree}}","decreeDate":"2021-02-01"},
             "foundingMembers":21,"memberCount":45,"businessField":"Warung serba ada",
             "board":[{"name":"Dewi Lestari","position":"ketua"}],
             "ratHistory":[{"financialYear":2023,"heldOn":"2024-03-02","membersPresent":34,"membersTotal":45,"mode":"in-person"}]}
            """;
        var sentAt = DateTimeOffset.UtcNow;
        try
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await _client.PostAsync(new Uri("/api/registry/cooperatives", UriKind.Relative), content, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Created && response.Headers.Location is { } location)
            {
                var id = Guid.Parse(location.OriginalString[(location.OriginalString.LastIndexOf('/') + 1)..]);
                _acknowledged.Enqueue(new Acknowledged(id, sentAt, DateTimeOffset.UtcNow));
                return;
            }

            _refused.AddOrUpdate(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), 1, (_, n) => n + 1);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The load stopped while this command was on its way: it counts nowhere.
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            _refused.AddOrUpdate(exception is TaskCanceledException ? "timeout" : "no answer", 1, (_, n) => n + 1);
        }
    }
}

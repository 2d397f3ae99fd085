using System.Net;
using System.Net.Sockets;

namespace Koperasi.Testing;

/// <summary>
/// A TCP relay between one service host and the shared RabbitMQ, which a test can cut: while it
/// is cut, the host's connections are dropped and every new one is closed before the handshake,
/// so to that host the broker is down while every other test keeps using it undisturbed.
/// </summary>
public sealed class BrokerLink : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private readonly List<TcpClient> _open = [];
    private readonly Task _accepting;
    private bool _cut;

    private BrokerLink()
    {
        _listener.Start();
        _accepting = AcceptAsync(_stopping.Token);
    }

    /// <summary>The loopback port the host connects to instead of the broker's.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Opens a link to the broker of this run.</summary>
    public static BrokerLink Open() => new();

    /// <summary>Whether the link is cut now.</summary>
    public bool IsCut
    {
        get
        {
            lock (_gate)
            {
                return _cut;
            }
        }
    }

    /// <summary>Drops every connection through the link and refuses new ones until <see cref="Restore"/>.</summary>
    public void Cut()
    {
        List<TcpClient> open;
        lock (_gate)
        {
            _cut = true;
            open = [.. _open];
            _open.Clear();
        }

        foreach (var client in open)
        {
            client.Dispose();
        }
    }

    /// <summary>Lets connections through again.</summary>
    public void Restore()
    {
        lock (_gate)
        {
            _cut = false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        Cut();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _stopping.Dispose();
    }

    private async Task AcceptAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await _listener.AcceptTcpClientAsync(stopping);
            }
            catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = ForwardAsync(inbound, stopping);
        }
    }

    private async Task ForwardAsync(TcpClient inbound, CancellationToken stopping)
    {
        var outbound = new TcpClient();
        try
        {
            if (IsCut)
            {
                return;
            }

            await outbound.ConnectAsync(TestInfrastructure.RabbitMqHost, TestInfrastructure.RabbitMqPort, stopping);
            lock (_gate)
            {
                if (_cut)
                {
                    return;
                }

                _open.Add(inbound);
                _open.Add(outbound);
            }

            using var either = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            var up = CopyAsync(inbound, outbound, either.Token);
            var down = CopyAsync(outbound, inbound, either.Token);
            await Task.WhenAny(up, down);
            await either.CancelAsync();
        }
        catch (Exception exception) when (exception is SocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            // A cut link, a closed peer or the end of the test: the connection is over either way.
        }
        finally
        {
            lock (_gate)
            {
                _open.Remove(inbound);
                _open.Remove(outbound);
            }

            inbound.Dispose();
            outbound.Dispose();
        }
    }

    private static async Task CopyAsync(TcpClient from, TcpClient to, CancellationToken stopping)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream(), stopping);
        }
        catch (Exception exception) when (exception is SocketException or IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            // One side went away.
        }
    }
}

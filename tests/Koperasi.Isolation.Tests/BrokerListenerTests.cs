using System.Globalization;
using System.Net;
using Koperasi.Testing;

namespace Koperasi.Isolation.Tests;

/// <summary>
/// Every port the project-local broker listens on (AMQP, management, Erlang distribution) is bound
/// to loopback: read from the kernel's socket tables (/proc/net/tcp, tcp6) and the broker process's
/// open sockets, so a port nobody thought of is checked too.
/// </summary>
public sealed class BrokerListenerTests
{
    private const string Listen = "0A";

    private sealed record Listener(IPAddress Address, int Port, long Inode);

    [Fact]
    public void Every_port_of_the_local_broker_listens_on_loopback_only()
    {
        Assert.SkipWhen(!TestInfrastructure.ServersAreLocal || !OperatingSystem.IsLinux(), "The broker is not this machine's: its sockets are not in this kernel's tables.");
        var listeners = Listeners().ToList();
        var amqp = listeners.FirstOrDefault(l => l.Port == TestInfrastructure.RabbitMqPort);
        amqp.ShouldNotBeNull($"nothing listens on the broker's port {TestInfrastructure.RabbitMqPort}");
        var broker = ProcessOwning(amqp.Inode);
        Assert.SkipWhen(broker is null, "The broker's process is not readable by this user (run as root or as the broker's user).");

        var sockets = SocketInodes(broker!.Value);
        var ofBroker = listeners.Where(l => sockets.Contains(l.Inode)).ToList();

        ofBroker.Select(l => l.Port).ShouldContain(TestInfrastructure.RabbitMqManagementPort);
        ofBroker.Count.ShouldBeGreaterThanOrEqualTo(3, "AMQP, management and the Erlang distribution port: " + Describe(ofBroker));
        ofBroker.Where(l => !IPAddress.IsLoopback(l.Address)).ShouldBeEmpty("ports of the broker on a non-loopback address: " + Describe(ofBroker));
    }

    private static string Describe(IEnumerable<Listener> listeners) => string.Join(", ", listeners.Select(l => $"{l.Address}:{l.Port}"));

    /// <summary>The listening TCP sockets of the kernel's tables: address, port, inode.</summary>
    private static IEnumerable<Listener> Listeners()
    {
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(table))
            {
                continue;
            }

            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length < 10 || fields[3] != Listen)
                {
                    continue;
                }

                var local = fields[1].Split(':');
                yield return new Listener(
                    ParseAddress(local[0]),
                    int.Parse(local[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
                    long.Parse(fields[9], CultureInfo.InvariantCulture));
            }
        }
    }

    /// <summary>The kernel prints an address as 32-bit words in host (little-endian) order.</summary>
    private static IPAddress ParseAddress(string hex)
    {
        var bytes = Convert.FromHexString(hex);
        for (var word = 0; word < bytes.Length; word += 4)
        {
            Array.Reverse(bytes, word, 4);
        }

        return new IPAddress(bytes);
    }

    private static int? ProcessOwning(long inode)
    {
        foreach (var process in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(process), out var pid) && SocketInodes(pid).Contains(inode))
            {
                return pid;
            }
        }

        return null;
    }

    private static HashSet<long> SocketInodes(int pid)
    {
        var inodes = new HashSet<long>();
        try
        {
            foreach (var fd in Directory.EnumerateFiles($"/proc/{pid}/fd"))
            {
                var target = new FileInfo(fd).LinkTarget;
                if (target is not null && target.StartsWith("socket:[", StringComparison.Ordinal))
                {
                    inodes.Add(long.Parse(target["socket:[".Length..^1], CultureInfo.InvariantCulture));
                }
            }
        }
        catch (Exception exception) when (exception is UnauthorizedAccessException or IOException)
        {
            // Another user's process, or one that ended: not the broker's.
        }

        return inodes;
    }
}

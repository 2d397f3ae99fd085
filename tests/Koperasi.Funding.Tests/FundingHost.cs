using Koperasi.FakeBank;
using Koperasi.Testing;
using Microsoft.AspNetCore.Hosting;

namespace Koperasi.Funding.Tests;

/// <summary>
/// Funding against the real PostgreSQL and RabbitMQ, one schema and broker prefix per host, its
/// clock on 10 March 2026 (Jambi), writes unlimited so the concurrency tests are not rate-limited.
/// It pays grants through <see cref="SharedBank"/> unless a test gives it a bank of its own.
/// </summary>
public abstract class FundingService(string name) : ServiceHost<Program>("funding", name, Now)
{
    public static readonly DateTimeOffset Now = new(2026, 3, 10, 3, 0, 0, TimeSpan.Zero);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        With("RateLimits:WritesPerMinute", "1000000");
        // Before the host's own settings, so a test's With(...) wins.
        foreach (var (key, value) in SharedBank.Settings)
        {
            builder.UseSetting(key, value);
        }

        base.ConfigureWebHost(builder);
    }
}

/// <summary>A host shared by the tests of one class (a class fixture); each class gets its own schema.</summary>
public sealed class FundingHost() : FundingService($"http{Interlocked.Increment(ref _instances)}")
{
    private static int _instances;
}

/// <summary>A host of one test, named for it (its own schema, prefix and settings).</summary>
public sealed class IsolatedFundingHost(string name) : FundingService(name);

/// <summary>
/// One well-behaved fake bank for the whole test run, and the quick pipeline settings the tests
/// use. Tests that make a bank fail start one of their own.
/// </summary>
public static class SharedBank
{
    private static readonly Lazy<FakeBankServer> Bank = new(() => Task.Run(() => FakeBankServer.StartAsync("http://127.0.0.1:0")).GetAwaiter().GetResult());

    public static FakeBankServer Server => Bank.Value;

    public static IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Bank:BaseAddress"] = Server.Address.ToString(),
        ["Bank:AttemptTimeout"] = "00:00:02",
        ["Bank:RetryDelay"] = "00:00:00.050",
        ["Bank:TotalTimeout"] = "00:00:15",
        ["Bank:PollInterval"] = "00:00:00.250",
    };
}

using Koperasi.Testing;
using Microsoft.AspNetCore.Hosting;

namespace Koperasi.Funding.Tests;

/// <summary>
/// Funding against the real PostgreSQL and RabbitMQ, one schema and broker prefix per host, its
/// clock on 10 March 2026 (Jambi), writes unlimited so the concurrency tests are not rate-limited.
/// </summary>
public abstract class FundingService(string name) : ServiceHost<Program>("funding", name, Now)
{
    public static readonly DateTimeOffset Now = new(2026, 3, 10, 3, 0, 0, TimeSpan.Zero);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        With("RateLimits:WritesPerMinute", "1000000");
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

using Koperasi.Testing;

namespace Koperasi.Registry.Tests.Http;

/// <summary>
/// The fixed corpus of malformed requests (<see cref="MalformedRequests"/>) against every endpoint
/// of the Registry's endpoint data source. The write limit is lifted so every request reaches its checks.
/// </summary>
public sealed class MalformedRequestTests : IAsyncLifetime
{
    private readonly ServiceHost<Program> _registry = new IsolatedRegistryHost("malformed", DateTimeOffset.UtcNow)
        .With("RateLimits:WritesPerMinute", "1000000");

    public ValueTask InitializeAsync() => _registry.InitializeAsync();

    public ValueTask DisposeAsync() => _registry.DisposeAsync();

    [Fact]
    public Task No_malformed_write_gets_a_server_error_or_stores_anything() =>
        MalformedRequestChecks.WritesAreRefusedAsync(_registry, "registry");

    [Fact]
    public Task No_malformed_query_gets_a_server_error() =>
        MalformedRequestChecks.ReadsAreRefusedAsync(_registry);
}

using Koperasi.Testing;

namespace Koperasi.Transformation.Tests.Http;

/// <summary>
/// The fixed corpus of malformed requests (<see cref="MalformedRequests"/>) against every endpoint
/// of the Transformation service's endpoint data source. The write limit is lifted so every request reaches its checks.
/// </summary>
public sealed class MalformedRequestTests : IAsyncLifetime
{
    private readonly ServiceHost<Program> _transformation = new TransformationHost().With("RateLimits:WritesPerMinute", "1000000");

    public ValueTask InitializeAsync() => _transformation.InitializeAsync();

    public ValueTask DisposeAsync() => _transformation.DisposeAsync();

    [Fact]
    public Task No_malformed_write_gets_a_server_error_or_stores_anything() =>
        MalformedRequestChecks.WritesAreRefusedAsync(_transformation, "transformation");

    [Fact]
    public Task No_malformed_query_gets_a_server_error() =>
        MalformedRequestChecks.ReadsAreRefusedAsync(_transformation);
}

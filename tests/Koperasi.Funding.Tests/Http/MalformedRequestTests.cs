using Koperasi.Testing;

namespace Koperasi.Funding.Tests.Http;

/// <summary>
/// The fixed corpus of malformed requests (<see cref="MalformedRequests"/>) against every endpoint
/// of Funding's endpoint data source.
/// </summary>
public sealed class MalformedRequestTests(FundingHost funding) : IClassFixture<FundingHost>
{
    [Fact]
    public Task No_malformed_write_gets_a_server_error_or_stores_anything() =>
        MalformedRequestChecks.WritesAreRefusedAsync(funding, "funding");

    [Fact]
    public Task No_malformed_query_gets_a_server_error() =>
        MalformedRequestChecks.ReadsAreRefusedAsync(funding);
}

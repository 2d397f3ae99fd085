using Koperasi.Testing;

namespace Koperasi.Funding.Tests.Http;

/// <summary>
/// Funding's OpenAPI document, read from its own endpoints: each request and answer has a schema
/// of its own with the properties its handler binds.
/// </summary>
public class OpenApiDocumentTests(FundingHost host) : IClassFixture<FundingHost>
{
    [Fact]
    public async Task Each_schema_stands_for_one_type() =>
        OpenApiChecks.EachSchemaStandsForOneType(await OpenApiChecks.DocumentAsync(host.CreateClient()), OpenApiChecks.Operations(host.Services));

    [Fact]
    public async Task Each_request_schema_has_the_properties_its_handler_binds() =>
        OpenApiChecks.EveryRequestSchemaHasTheBoundProperties(await OpenApiChecks.DocumentAsync(host.CreateClient()), OpenApiChecks.Operations(host.Services));
}

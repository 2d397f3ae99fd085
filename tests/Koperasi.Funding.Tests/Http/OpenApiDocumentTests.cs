using Koperasi.Testing;

namespace Koperasi.Funding.Tests.Http;

/// <summary>
/// Funding's OpenAPI document, read from its own endpoints: each request and answer has a schema
/// of its own with the properties its handler binds, and Redocly's recommended rules pass.
/// </summary>
public class OpenApiDocumentTests(FundingHost host) : IClassFixture<FundingHost>
{
    [Fact]
    public async Task Each_schema_stands_for_one_type() =>
        OpenApiChecks.EachSchemaStandsForOneType(await OpenApiChecks.DocumentAsync(host.CreateClient()), OpenApiChecks.Operations(host.Services));

    [Fact]
    public async Task Each_request_schema_has_the_properties_its_handler_binds() =>
        OpenApiChecks.EveryRequestSchemaHasTheBoundProperties(await OpenApiChecks.DocumentAsync(host.CreateClient()), OpenApiChecks.Operations(host.Services));

    [Fact]
    public async Task The_document_passes_the_OpenAPI_linter()
    {
        Assert.SkipWhen(OpenApiLint.Tool is null && !OpenApiLint.Required, "Redocly CLI is not installed (test.sh installs it into .local/tools).");

        var problems = await OpenApiLint.ProblemsAsync("funding", await OpenApiChecks.DocumentAsync(host.CreateClient()));

        problems.ShouldBeEmpty();
    }
}

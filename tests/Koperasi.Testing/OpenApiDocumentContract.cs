using Shouldly;
using Xunit;

namespace Koperasi.Testing;

/// <summary>
/// The checks every service's OpenAPI document passes, read from the service's own endpoints: each
/// request and answer has a schema of its own with the properties its handler binds, and Redocly's
/// recommended rules pass. A service's test project derives one class from it, naming its host.
/// </summary>
public abstract class OpenApiDocumentContract(string service, Func<HttpClient> createClient, IServiceProvider services)
{
    [Fact]
    public async Task Each_schema_stands_for_one_type() =>
        OpenApiChecks.EachSchemaStandsForOneType(await OpenApiChecks.DocumentAsync(createClient()), OpenApiChecks.Operations(services));

    [Fact]
    public async Task Each_request_schema_has_the_properties_its_handler_binds() =>
        OpenApiChecks.EveryRequestSchemaHasTheBoundProperties(await OpenApiChecks.DocumentAsync(createClient()), OpenApiChecks.Operations(services));

    [Fact]
    public async Task The_document_passes_the_OpenAPI_linter()
    {
        Assert.SkipWhen(OpenApiLint.Tool is null && !OpenApiLint.Required, "Redocly CLI is not installed (test.sh installs it into .local/tools).");

        var problems = await OpenApiLint.ProblemsAsync(service, await OpenApiChecks.DocumentAsync(createClient()));

        problems.ShouldBeEmpty();
    }
}

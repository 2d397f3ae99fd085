using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;

namespace Koperasi.ServiceDefaults.Http;

/// <summary>How every service describes itself in its OpenAPI document.</summary>
public static class KoperasiOpenApi
{
    /// <summary>The document at <c>/openapi/v1.json</c>: titled for the service, with the bearer token declared.</summary>
    public static IServiceCollection AddKoperasiOpenApi(this IServiceCollection services, string serviceName) =>
        services.AddOpenApi(options =>
        {
            options.CreateSchemaReferenceId = SchemaName;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = $"Koperasi {serviceName} API";
                return Task.CompletedTask;
            });
            options.AddDocumentTransformer<BearerSecurityScheme>();
        });

    /// <summary>
    /// The framework's schema name, prefixed with the types a nested type is declared in: every use
    /// case names its body <c>Request</c>, and without the prefix the document would hold one
    /// <c>Request</c> schema for all of them. <c>Register.Request</c> is <c>RegisterRequest</c>,
    /// <c>ReportRat.Response</c> is <c>ReportRatResponse</c>. Null (an inline schema) stays null.
    /// </summary>
    public static string? SchemaName(JsonTypeInfo type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var name = OpenApiOptions.CreateDefaultSchemaReferenceId(type);
        if (name is null)
        {
            return null;
        }

        for (var declaring = type.Type.DeclaringType; declaring is not null; declaring = declaring.DeclaringType)
        {
            var tick = declaring.Name.IndexOf('`', StringComparison.Ordinal);
            name = (tick < 0 ? declaring.Name : declaring.Name[..tick]) + name;
        }

        return name;
    }
}

using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace Koperasi.ServiceDefaults.Http;

/// <summary>How every service describes itself in its OpenAPI document.</summary>
public static class KoperasiOpenApi
{
    private const string DocumentName = "v1";

    // Tags of the endpoints every service maps from here.
    private static readonly Dictionary<string, string> CommonTags = new()
    {
        ["Operations"] = "Operators' actions on the service: replaying the integration events it published, personal-data keys and breach reports, one-off maintenance such as recording kecamatan codes.",
    };

    /// <summary>
    /// The document at <c>/openapi/v1.json</c>: titled for the service, a schema per type, the
    /// bearer token declared with the 401 and 403 every protected operation can answer, and the
    /// server as a relative <c>/</c>.
    /// </summary>
    public static IServiceCollection AddKoperasiOpenApi(this IServiceCollection services, string serviceName) =>
        services.AddOpenApi(DocumentName, options =>
        {
            options.CreateSchemaReferenceId = SchemaName;
            options.AddOperationTransformer((operation, context, _) =>
            {
                if (!context.Description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any())
                {
                    operation.Responses ??= [];
                    operation.Responses.TryAdd("401", Problem("No valid bearer token."));
                    operation.Responses.TryAdd("403", Problem("The token's role may not do this, or not in this regency."));
                }

                return Task.CompletedTask;
            });
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = $"Koperasi {serviceName} API";
                // Wherever the document was fetched from (the service itself, or the gateway in front
                // of it) is where its API answers; the service's own address stays out of it.
                document.Servers = [new OpenApiServer { Url = "/" }];
                DescribeTags(document, CommonTags);
                return Task.CompletedTask;
            });
            options.AddDocumentTransformer<BearerSecurityScheme>();
        });

    /// <summary>
    /// What the service is for, the introduction of its API reference, and a description of each
    /// tag its endpoints carry.
    /// </summary>
    public static IServiceCollection AddApiIntroduction(this IServiceCollection services, string introduction, IReadOnlyDictionary<string, string> tags) =>
        services.Configure<OpenApiOptions>(DocumentName, options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Description = introduction;
            DescribeTags(document, tags);
            return Task.CompletedTask;
        }));

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

    private static void DescribeTags(OpenApiDocument document, IReadOnlyDictionary<string, string> descriptions)
    {
        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            if (tag.Name is not null && descriptions.TryGetValue(tag.Name, out var description))
            {
                tag.Description = description;
            }
        }
    }

    private static OpenApiResponse Problem(string description) => new()
    {
        Description = description + " Answered as problem details.",
        Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() },
    };
}

using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Koperasi.ServiceDefaults.Http;

/// <summary>Declares the bearer token in the OpenAPI document, so the API reference can send one.</summary>
internal sealed class BearerSecurityScheme : IOpenApiDocumentTransformer
{
    private const string Name = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Name] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "A token of the province's identity provider; in development, from the gateway's /dev/tokens/{role}.",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Name, document)] = [] }];
        return Task.CompletedTask;
    }
}

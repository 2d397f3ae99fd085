using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Koperasi.Testing;

/// <summary>An endpoint as a caller meets it: its method, route, and who may call it.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Route">Route pattern as written, e.g. <c>/api/registry/cooperatives/{id:guid}</c>.</param>
/// <param name="Pattern">The parsed pattern, to build a URL from.</param>
/// <param name="Anonymous">Answers without a token.</param>
/// <param name="Roles">Roles admitted; null when any authenticated caller is.</param>
/// <param name="ContentType">The media type the endpoint takes a body in.</param>
public sealed record EndpointInfo(string Method, string Route, RoutePattern Pattern, bool Anonymous, IReadOnlyList<string>? Roles, string ContentType)
{
    public override string ToString() => $"{Method} {Route}";

    /// <summary>A URL that reaches the endpoint: each route parameter gets a value of its kind.</summary>
    public string SampleUrl()
    {
        var url = new StringBuilder();
        foreach (var segment in Pattern.PathSegments)
        {
            url.Append('/');
            foreach (var part in segment.Parts)
            {
                url.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart parameter when parameter.ParameterPolicies.Any(p => p.Content == "guid") => Guid.NewGuid().ToString(),
                    RoutePatternParameterPart parameter when parameter.ParameterPolicies.Any(p => p.Content is "int" or "long") => "1",
                    RoutePatternParameterPart parameter when parameter.Name == "documentName" => "v1",
                    RoutePatternParameterPart => "sample",
                    _ => "",
                });
            }
        }

        return url.Length == 0 ? "/" : url.ToString();
    }
}

/// <summary>
/// Every endpoint a host serves, read from its endpoint data source and its authorization
/// policies: a new endpoint is covered by the tests that use this without anyone listing it.
/// </summary>
public static class EndpointCatalog
{
    public static async Task<IReadOnlyList<EndpointInfo>> ReadAsync(IServiceProvider services)
    {
        var policies = services.GetRequiredService<IAuthorizationPolicyProvider>();
        var endpoints = new List<EndpointInfo>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var policy = await AuthorizationPolicy.CombineAsync(policies, endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(), endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>())
                ?? await policies.GetFallbackPolicyAsync();
            var roles = policy?.Requirements.OfType<RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles).Distinct().ToList();
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods.Where(m => m != "OPTIONS"))
            {
                var contentType = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes is { Count: > 0 } accepted ? accepted[0] : "application/json";
                var route = "/" + endpoint.RoutePattern.RawText!.Trim('/');
                endpoints.Add(new EndpointInfo(method, route, endpoint.RoutePattern, anonymous, roles is { Count: > 0 } ? roles : null, contentType));
            }
        }

        return endpoints;
    }
}

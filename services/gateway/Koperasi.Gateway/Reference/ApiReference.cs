using Koperasi.Gateway.Routing;
using Scalar.AspNetCore;

namespace Koperasi.Gateway.Reference;

/// <summary>
/// The browsable API reference at the root: it opens on the <see cref="Overview"/> of the
/// platform, then one document per configured service, each fetched through the gateway's own
/// <c>/openapi/{name}.json</c> route.
/// </summary>
internal static class ApiReference
{
    public static WebApplication MapApiReference(this WebApplication app, IReadOnlyList<DownstreamService> downstream)
    {
        var documents = downstream.Select(service => service.Name).Append(Overview.Name).ToHashSet(StringComparer.Ordinal);
        app.MapScalarApiReference("/reference", options =>
        {
            options.WithTitle("Referensi API Koperasi · Dinas Koperasi dan UKM Provinsi Jambi")
                // Scalar's own words in Indonesian wherever it has them; English otherwise.
                .WithLocalization(new ScalarLocalizationOptions { Locale = "id" })
                // A fresh nonce per request, which SecurityHeaders puts into the page's CSP.
                .WithNonce()
                // Nothing leaves for third parties: no CDN fonts, no telemetry, no AI chat, no
                // toolbar of links to Scalar's hosted services.
                .HideDeveloperTools()
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                .DisableMcp();
            options.AddDocument(Overview.Name, "Overview", Overview.DocumentPath, isDefault: true);
            foreach (var service in downstream)
            {
                options.AddDocument(service.Name, Overview.Title(service), service.DocumentPath);
            }
        })
        .AddEndpointFilter(async (context, next) =>
            // Scalar also answers /{documentName}; any other single segment is not a page of ours.
            context.HttpContext.GetRouteValue("documentName") is string name && !documents.Contains(name)
                ? TypedResults.NotFound()
                : await next(context))
        .ExcludeFromDescription()
        .AllowAnonymous();
        return app.MapOverview(downstream);
    }
}

using System.Globalization;
using Koperasi.Gateway.Routing;
using Scalar.AspNetCore;

namespace Koperasi.Gateway.Reference;

/// <summary>
/// The browsable API reference at the root: one document per configured service, each fetched
/// through the gateway's own <c>/openapi/{name}.json</c> route.
/// </summary>
internal static class ApiReference
{
    public static WebApplication MapApiReference(this WebApplication app, IReadOnlyList<DownstreamService> downstream)
    {
        var documents = downstream.Select(service => service.Name).ToHashSet(StringComparer.Ordinal);
        app.MapScalarApiReference("/", options =>
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
            for (var i = 0; i < downstream.Count; i++)
            {
                var service = downstream[i];
                options.AddDocument(service.Name, Title(service), service.DocumentPath, isDefault: i == 0);
            }
        })
        .AddEndpointFilter(async (context, next) =>
            // Scalar also answers /{documentName}; any other single segment is not a page of ours.
            context.HttpContext.GetRouteValue("documentName") is string name && !documents.Contains(name)
                ? TypedResults.NotFound()
                : await next(context))
        .ExcludeFromDescription()
        .AllowAnonymous();
        return app;
    }

    private static string Title(DownstreamService service) =>
        CultureInfo.InvariantCulture.TextInfo.ToTitleCase(service.Name.Replace('-', ' '));
}

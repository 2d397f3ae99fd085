using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Koperasi.Console;

/// <summary>
/// The console's only asset, its style sheet, served by the platform itself (no CDN) from the
/// assembly, cached for a day. The pages have no script.
/// </summary>
internal static class ConsoleAssets
{
    public const string StylePath = "/aset/konsol.css";

    private static readonly Lazy<byte[]> Style = new(() =>
    {
        using var stream = typeof(ConsoleAssets).Assembly.GetManifestResourceStream("console.css")
            ?? throw new InvalidOperationException("The console's style sheet is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static void Map(WebApplication app) =>
        app.MapGet(StylePath, (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "public, max-age=86400";
            return Results.Bytes(Style.Value, "text/css; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();
}

using Koperasi.Console;
using Scalar.AspNetCore;

namespace Koperasi.Gateway.Security;

/// <summary>
/// Headers every answer of the front door carries, whatever a service behind it sent. They are
/// set as the response starts, after the proxy has copied the service's headers.
/// </summary>
internal static class SecurityHeaders
{
    // An API answer is data, never a page: it loads nothing and nothing may frame it.
    private const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers.ContentSecurityPolicy = context.Items.TryGetValue(ScalarOptions.NonceHttpContextItemKey, out var nonce) && nonce is string value
                    ? ReferencePolicy(value)
                    : context.Items.ContainsKey(ConsoleExtensions.PageMarker) ? ConsoleExtensions.ContentSecurityPolicy
                    : ApiPolicy;
                return Task.CompletedTask;
            });
            return next(context);
        });

    // The API reference page: its own scripts only (the nonce also admits the inline start-up
    // script Scalar renders), the inline styles its components inject, and requests only to this
    // origin, where the documents and the "try it" calls go. Blob URLs are how it previews and
    // offers a response or a document for download.
    private static string ReferencePolicy(string nonce) =>
        $"default-src 'none'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data: blob:; media-src 'self' blob:; frame-src 'self' blob:; font-src 'self' data:; "
        + "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
}

using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace Koperasi.Gateway.Routing;

/// <summary>
/// Reads a chunked request body whole (to a temporary file past a small size) before it is
/// forwarded, and forwards it with its Content-Length. A body over the gateway's limit is then
/// refused with a 413 problem before anything reaches the service, instead of YARP stopping
/// mid-body on a pooled connection to the service and answering 502; and the service, told the
/// length, refuses a body over its own limit up front rather than in the middle of the copy.
/// </summary>
internal static class WholeBodyFirst
{
    public static IReverseProxyApplicationBuilder UseWholeBodyFirst(this IReverseProxyApplicationBuilder proxy)
    {
        proxy.Use(async (context, next) =>
        {
            var request = context.Request;
            if (request.ContentLength is null && context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true)
            {
                request.EnableBuffering();
                // Over the limit (set on the proxy's endpoints) the server throws a 413 BadHttpRequestException:
                // the exception handler answers it as a problem, and nothing was forwarded.
                await request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
                request.Body.Position = 0;
                request.Headers.Remove(HeaderNames.TransferEncoding);
                request.ContentLength = request.Body.Length;
            }

            await next();
        });
        return proxy;
    }
}

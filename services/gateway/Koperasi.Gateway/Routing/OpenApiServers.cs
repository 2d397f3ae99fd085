using System.Text.Json;
using System.Text.Json.Nodes;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Koperasi.Gateway.Routing;

/// <summary>
/// A service names its own internal address as the server of its OpenAPI document
/// (<c>http://registry:8080</c> in Compose), which a browser cannot reach and should not learn.
/// Through the gateway the server is the gateway itself: a relative <c>/</c>, resolved against
/// wherever the document was fetched from.
/// </summary>
internal static class OpenApiServers
{
    public static void Rewrite(TransformBuilderContext context)
    {
        if (context.Route.Metadata?.ContainsKey(GatewayProxy.DocumentRouteKey) != true)
        {
            return;
        }

        context.AddResponseTransform(async transform =>
        {
            var response = transform.ProxyResponse;
            if (response is not { IsSuccessStatusCode: true }
                || HttpMethods.IsHead(transform.HttpContext.Request.Method)
                || response.Content.Headers.ContentEncoding.Count > 0)
            {
                return;
            }

            var original = await response.Content.ReadAsByteArrayAsync(transform.CancellationToken);
            var body = WithGatewayServer(original);
            transform.SuppressResponseBody = true;
            transform.HttpContext.Response.ContentLength = body.Length;
            await transform.HttpContext.Response.Body.WriteAsync(body, transform.CancellationToken);
        });
    }

    private static byte[] WithGatewayServer(byte[] document)
    {
        try
        {
            if (JsonNode.Parse(document) is not JsonObject root)
            {
                return document;
            }

            root["servers"] = new JsonArray(new JsonObject { ["url"] = "/" });
            return JsonSerializer.SerializeToUtf8Bytes(root);
        }
        catch (JsonException)
        {
            // Not a JSON document: pass it on as the service sent it.
            return document;
        }
    }
}

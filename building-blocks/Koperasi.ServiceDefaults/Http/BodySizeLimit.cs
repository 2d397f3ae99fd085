using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Koperasi.ServiceDefaults.Http;

/// <summary>
/// Limits request bodies to <see cref="ServiceDefaultsExtensions.MaxJsonBodyBytes"/>, or to what an
/// endpoint declares (<see cref="IRequestSizeLimitMetadata"/>, e.g. a CSV upload). A declared
/// Content-Length over the limit is refused at once with a 413 problem; a chunked body is cut
/// off by the server at the same limit.
/// </summary>
internal static class BodySizeLimit
{
    public static IApplicationBuilder UseBodySizeLimit(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
                ?? ServiceDefaultsExtensions.MaxJsonBodyBytes;
            if (context.Request.ContentLength > limit)
            {
                throw new BadHttpRequestException($"The body is larger than {limit} bytes.", StatusCodes.Status413PayloadTooLarge);
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                feature.MaxRequestBodySize = limit;
            }

            await next(context);
        });
}

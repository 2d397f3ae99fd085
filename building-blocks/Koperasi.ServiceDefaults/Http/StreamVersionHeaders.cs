using Microsoft.AspNetCore.Http;

namespace Koperasi.ServiceDefaults.Http;

/// <summary>The stream version travels as a strong ETag and comes back in If-Match.</summary>
public static class StreamVersionHeaders
{
    /// <summary>Formats a stream version as an ETag value.</summary>
    public static string ToETag(long version) => $"\"{version}\"";

    /// <summary>Sets the ETag header of the response.</summary>
    public static void SetETag(this HttpResponse response, long version) =>
        response.Headers.ETag = ToETag(version);

    /// <summary>
    /// Reads If-Match as an expected stream version. Returns null with no error when the header
    /// is absent; a problem when it is not a version this API issued.
    /// </summary>
    public static long? ReadIfMatch(this HttpRequest request, out IResult? problem)
    {
        problem = null;
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0)
        {
            return null;
        }

        var value = header.StartsWith("W/", StringComparison.Ordinal) ? header[2..] : header;
        value = value.Trim('"');
        if (long.TryParse(value, out var version) && version > 0)
        {
            return version;
        }

        problem = Problems.Validation("If-Match", "If-Match must be the ETag of the resource, e.g. \"3\".");
        return null;
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Koperasi.ServiceDefaults.PersonalData;

/// <summary>
/// Masks NIKs in a problem answer just before it is written, so a message that echoes the input
/// (a validation error, a binding failure) cannot echo a NIK.
/// </summary>
internal static class ProblemDetailsScrubbing
{
    private const string TraceId = "traceId";

    public static void ScrubPersonalData(this ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        problem.Title = Nik.Scrub(problem.Title);
        problem.Detail = Nik.Scrub(problem.Detail);
        problem.Instance = Nik.Scrub(problem.Instance);
        problem.Type = Nik.Scrub(problem.Type);

        if (problem is HttpValidationProblemDetails validation)
        {
            ScrubKeys(validation.Errors);
            foreach (var messages in validation.Errors.Values)
            {
                for (var i = 0; i < messages.Length; i++)
                {
                    messages[i] = Nik.Scrub(messages[i]);
                }
            }
        }

        ScrubKeys(problem.Extensions);
        var json = JsonOptions(context.HttpContext);
        // The trace id is the platform's own random hex, never input; 16 of its 32 digits in a row
        // are decimal now and then, and masking them would break the link to the trace.
        foreach (var (key, value) in problem.Extensions.Where(e => e.Key != TraceId).ToList())
        {
            var scrubbed = ScrubExtension(value, json);
            if (!ReferenceEquals(scrubbed, value))
            {
                problem.Extensions[key] = scrubbed;
            }
        }
    }

    // A field name can come from the input too (a dictionary key, a CSV column).
    private static void ScrubKeys<T>(IDictionary<string, T> values)
    {
        foreach (var key in values.Keys.Where(Nik.ContainsNik).ToList())
        {
            var value = values[key];
            values.Remove(key);
            values[Nik.Scrub(key)] = value;
        }
    }

    // Text is scrubbed as text; any other value is looked at as the JSON it is about to become.
    private static object? ScrubExtension(object? value, JsonSerializerOptions options)
    {
        switch (value)
        {
            case null:
                return null;
            case string text:
                return Nik.Scrub(text);
            default:
                var node = JsonSerializer.SerializeToNode(value, value.GetType(), options);
                return Scrub(ref node) ? node : value;
        }
    }

    /// <summary>Masks every NIK in the tree; true when anything changed.</summary>
    private static bool Scrub(ref JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var objectChanged = false;
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    var child = obj[key];
                    var original = child;
                    objectChanged |= Scrub(ref child);
                    if (!ReferenceEquals(child, original))
                    {
                        obj[key] = child;
                    }
                }

                return objectChanged;
            case JsonArray array:
                var arrayChanged = false;
                for (var i = 0; i < array.Count; i++)
                {
                    var child = array[i];
                    var original = child;
                    arrayChanged |= Scrub(ref child);
                    if (!ReferenceEquals(child, original))
                    {
                        array[i] = child;
                    }
                }

                return arrayChanged;
            case JsonValue leaf when leaf.GetValueKind() is JsonValueKind.String or JsonValueKind.Number:
                var text = leaf.GetValueKind() == JsonValueKind.String ? leaf.GetValue<string>() : leaf.ToJsonString();
                if (!Nik.ContainsNik(text))
                {
                    return false;
                }

                node = JsonValue.Create(Nik.Scrub(text));
                return true;
            default:
                return false;
        }
    }

    private static JsonSerializerOptions JsonOptions(HttpContext context) =>
        context.RequestServices.GetService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>()?.Value.SerializerOptions
        ?? JsonSerializerOptions.Web;
}

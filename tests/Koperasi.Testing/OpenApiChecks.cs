using System.Collections;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Koperasi.Testing;

/// <summary>An operation of the document with the CLR types its endpoint reads and writes.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">The path as the document has it, e.g. <c>/api/registry/cooperatives/{id}</c>.</param>
/// <param name="Handler">The method that handles it.</param>
/// <param name="Body">The type bound from a JSON body; null without one.</param>
/// <param name="Responses">Status code and type of each answer with a body.</param>
public sealed record OperationTypes(string Method, string Path, MethodInfo? Handler, Type? Body, IReadOnlyList<(int Status, Type Type)> Responses)
{
    public override string ToString() => $"{Method} {Path}";
}

/// <summary>
/// Checks of a service's OpenAPI document against the endpoints that serve it: each schema stands
/// for one CLR type, and each JSON body's schema has the properties of the type its handler binds.
/// </summary>
public static class OpenApiChecks
{
    public static async Task<JsonObject> DocumentAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonObject>(new Uri("/openapi/v1.json", UriKind.Relative)))!;

    /// <summary>Every endpoint of the host that is in the document, with the types it binds and answers.</summary>
    public static IReadOnlyList<OperationTypes> Operations(IServiceProvider services)
    {
        var operations = new List<OperationTypes>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is { ExcludeFromDescription: true })
            {
                continue;
            }

            var accepts = endpoint.Metadata.GetMetadata<IAcceptsMetadata>();
            var body = accepts is { RequestType: not null } && accepts.ContentTypes.Contains("application/json") ? accepts.RequestType : null;
            var responses = endpoint.Metadata.GetOrderedMetadata<IProducesResponseTypeMetadata>()
                .Where(produces => produces.Type is not null && produces.Type != typeof(void))
                .Select(produces => (produces.StatusCode, produces.Type!))
                .ToList();
            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
            {
                operations.Add(new OperationTypes(method, DocumentPath(endpoint.RoutePattern), endpoint.Metadata.GetMetadata<MethodInfo>(), body, responses));
            }
        }

        return operations;
    }

    /// <summary>
    /// No schema of the document stands for two CLR types: a body, an answer, and every type
    /// reachable from them through properties, items and dictionary values.
    /// </summary>
    public static void EachSchemaStandsForOneType(JsonObject document, IReadOnlyList<OperationTypes> operations)
    {
        var seen = new Dictionary<string, HashSet<Type>>(StringComparer.Ordinal);
        var schemas = Schemas(document);
        foreach (var operation in operations)
        {
            var described = Operation(document, operation);
            if (described is null)
            {
                continue;
            }

            if (operation.Body is not null && described["requestBody"]?["content"]?["application/json"]?["schema"] is { } request)
            {
                Collect(operation.Body, request, schemas, seen);
            }

            foreach (var (status, type) in operation.Responses)
            {
                foreach (var content in (described["responses"]?[status.ToString(System.Globalization.CultureInfo.InvariantCulture)]?["content"] as JsonObject) ?? [])
                {
                    if (content.Value?["schema"] is { } schema)
                    {
                        Collect(type, schema, schemas, seen);
                    }
                }
            }
        }

        seen.Count.ShouldBeGreaterThan(0, "no operation of the document refers to a schema");
        var shared = seen.Where(entry => entry.Value.Count > 1)
            .Select(entry => $"{entry.Key}: {string.Join(", ", entry.Value.Select(t => t.FullName))}")
            .ToList();
        shared.ShouldBeEmpty("schemas that stand for more than one type");
    }

    /// <summary>
    /// For every operation with a JSON body, the document's request schema has exactly the JSON
    /// names of the public properties of the type the handler binds from the body.
    /// </summary>
    public static void EveryRequestSchemaHasTheBoundProperties(JsonObject document, IReadOnlyList<OperationTypes> operations)
    {
        var schemas = Schemas(document);
        var bodies = operations.Where(operation => operation.Body is not null).ToList();
        bodies.ShouldNotBeEmpty("the service takes no JSON body");
        var wrong = new List<string>();
        foreach (var operation in bodies)
        {
            operation.Handler.ShouldNotBeNull($"{operation} has no handler method");
            operation.Handler.GetParameters().ShouldContain(parameter => parameter.ParameterType == operation.Body, $"{operation}: the handler does not take its body");
            var schema = operation.Body is null ? null : Operation(document, operation)?["requestBody"]?["content"]?["application/json"]?["schema"];
            if (schema is null)
            {
                wrong.Add($"{operation}: no application/json request body in the document");
                continue;
            }

            var expected = JsonNames(operation.Body!).Order(StringComparer.Ordinal).ToList();
            var actual = (Resolve(schema, schemas)?["properties"] as JsonObject)?.Select(p => p.Key).Order(StringComparer.Ordinal).ToList() ?? [];
            if (!expected.SequenceEqual(actual))
            {
                wrong.Add($"{operation} binds {operation.Body!.FullName} ({string.Join(", ", expected)}) but documents {Describe(schema)} ({string.Join(", ", actual)})");
            }
        }

        wrong.ShouldBeEmpty();
    }

    /// <summary>The JSON name of each public property, as the services' serializer writes it.</summary>
    public static IEnumerable<string> JsonNames(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.GetIndexParameters().Length == 0)
            .Where(property => property.GetCustomAttribute<JsonIgnoreAttribute>() is not { Condition: JsonIgnoreCondition.Always })
            .Select(property => property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name));

    private static JsonObject Schemas(JsonObject document) =>
        document["components"]?["schemas"] as JsonObject ?? [];

    private static JsonNode? Operation(JsonObject document, OperationTypes operation) =>
        document["paths"]?[operation.Path]?[operation.Method.ToLowerInvariant()];

    // The path as the document writes it: constraints, defaults and catch-all marks dropped.
    private static string DocumentPath(RoutePattern pattern) =>
        "/" + string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => $"{{{parameter.Name}}}",
            _ => "",
        }))));

    private static string? ReferenceName(JsonNode schema) =>
        schema["$ref"]?.GetValue<string>() is { } reference ? reference[(reference.LastIndexOf('/') + 1)..] : null;

    private static string Describe(JsonNode schema) => ReferenceName(schema) is { } name ? $"schema {name}" : "an inline schema";

    private static JsonNode? Resolve(JsonNode schema, JsonObject schemas) =>
        ReferenceName(schema) is { } name ? schemas[name] : schema;

    private static void Collect(Type type, JsonNode schema, JsonObject schemas, Dictionary<string, HashSet<Type>> seen)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (ReferenceName(schema) is { } name)
        {
            if (!seen.TryGetValue(name, out var types))
            {
                seen[name] = types = [];
            }

            if (types.Add(type) && schemas[name] is { } target)
            {
                Collect(type, target, schemas, seen);
            }

            return;
        }

        foreach (var branch in new[] { "oneOf", "anyOf" }.SelectMany(key => schema[key] as JsonArray ?? []))
        {
            // A nullable value is "oneOf: [null, X]": X is the type's own schema.
            if (branch is not null && branch["type"]?.ToString() != "null")
            {
                Collect(type, branch, schemas, seen);
            }
        }

        if (DictionaryValue(type) is { } value)
        {
            if (schema["additionalProperties"] is JsonObject values)
            {
                Collect(value, values, schemas, seen);
            }

            return;
        }

        if (Element(type) is { } element)
        {
            if (schema["items"] is { } items)
            {
                Collect(element, items, schemas, seen);
            }

            return;
        }

        if (schema["properties"] is not JsonObject properties)
        {
            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            var jsonName = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            if (properties[jsonName] is { } propertySchema)
            {
                Collect(property.PropertyType, propertySchema, schemas, seen);
            }
        }
    }

    private static Type? DictionaryValue(Type type) =>
        type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() is var d && (d == typeof(IDictionary<,>) || d == typeof(IReadOnlyDictionary<,>)))
            ?.GetGenericArguments()[1];

    private static Type? Element(Type type)
    {
        if (type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type))
        {
            return null;
        }

        return type.IsArray
            ? type.GetElementType()
            : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
    }
}

using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Shouldly;

namespace Koperasi.Testing;

/// <summary>One malformed request: what it breaks, where it goes, what it carries.</summary>
public sealed record MalformedRequest(string Method, string Url, string Breaks, string Body, string ContentType)
{
    public override string ToString() => $"{Method} {(Url.Length > 120 ? Url[..120] + "..." : Url)} with {Breaks}";
}

/// <summary>
/// The fixed corpus of malformed requests every service must answer with a 4xx problem, never a
/// 5xx. The write endpoints come from the host's endpoint data source and their body types from
/// its endpoint metadata, so an endpoint added tomorrow gets the corpus without anyone listing it:
/// whole bodies that are not the request (invalid JSON, wrong root, deep nesting), and, field by
/// field of a body of the right shape, a value that breaks it (wrong type, null, NUL and control
/// characters, a huge string, a null item, a huge array, an impossible date, an unknown enum value,
/// the all-zero id).
/// </summary>
public static class MalformedRequests
{
    /// <summary>Bodies that are wrong whatever the endpoint.</summary>
    public static IReadOnlyList<(string Breaks, string Body)> WholeBodies { get; } =
    [
        ("invalid JSON", "{\"name\": "),
        ("a body that is not JSON", "name=x"),
        ("an empty body", ""),
        ("null as the body", "null"),
        ("an array as the body", "[]"),
        ("a string as the body", "\"text\""),
        ("deep nesting", new string('[', 5_000) + new string(']', 5_000)),
        ("deeply nested objects", string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 200)),
        ("a NUL character in a property name", "{\"na\\u0000me\": 1}"),
        ("an unknown field", "{\"noSuchField\": 1}"),
    ];

    /// <summary>Query strings that are wrong whatever the endpoint.</summary>
    public static IReadOnlyList<(string Breaks, string Query)> Queries { get; } =
    [
        ("a NUL character in the query", "?q=%00"),
        ("a NUL character in a query name", "?%00=1"),
        ("a control character in the query", "?q=a%01b&regency=%00"),
        ("an impossible date", "?asOf=2024-02-30&from=2024-13-01&to=x"),
        ("wrong types", "?page=-1&pageSize=abc&year=x&status=no-such-status"),
        ("a huge value", "?q=" + new string('x', 4_000)),
    ];

    /// <summary>Every write endpoint of the host with a corpus request for each of its breaks.</summary>
    public static IReadOnlyList<MalformedRequest> ForWrites(IServiceProvider services, Func<string, string>? url = null)
    {
        var options = services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var requests = new List<MalformedRequest>();
        foreach (var endpoint in Endpoints(services).Where(e => e.Method is "POST" or "PUT" or "PATCH" or "DELETE"))
        {
            var target = (url ?? (u => u))(endpoint.Info.SampleUrl());
            var emptyId = (url ?? (u => u))(EmptyIds(endpoint.Info));
            requests.AddRange(WholeBodies.Select(b => new MalformedRequest(endpoint.Method, target, b.Breaks, b.Body, endpoint.Info.ContentType)));
            if (endpoint.BodyType is not { } bodyType || endpoint.Info.ContentType != "application/json")
            {
                continue;
            }

            var sample = Sample(options, bodyType, 0)!;
            if (emptyId != target)
            {
                requests.Add(new MalformedRequest(endpoint.Method, emptyId, "the all-zero id in the route", sample.ToJsonString(), "application/json"));
            }

            foreach (var (breaks, body) in Mutations(options, bodyType, sample))
            {
                requests.Add(new MalformedRequest(endpoint.Method, target, breaks, body, "application/json"));
            }
        }

        return requests;
    }

    /// <summary>Every read endpoint of the host with each corpus query.</summary>
    public static IReadOnlyList<MalformedRequest> ForReads(IServiceProvider services, Func<string, string>? url = null) =>
        [.. Endpoints(services)
            .Where(e => e.Method == "GET" && !e.Info.Anonymous)
            .SelectMany(e => Queries.Select(q => new MalformedRequest("GET", (url ?? (u => u))(e.Info.SampleUrl()) + q.Query, q.Breaks, "", "")))];

    /// <summary>
    /// Sends each request (with If-Match, so a step reaches its checks) and returns what went
    /// wrong: a 5xx, or a 4xx that is not <c>application/problem+json</c>.
    /// </summary>
    public static async Task<IReadOnlyList<string>> FailuresAsync(HttpClient client, IEnumerable<MalformedRequest> requests)
    {
        var failures = new List<string>();
        foreach (var request in requests)
        {
            using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Url);
            if (request.Method != "GET")
            {
                message.Content = new StringContent(request.Body, Encoding.UTF8, request.ContentType);
                message.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
            }

            using var response = await client.SendAsync(message);
            var status = (int)response.StatusCode;
            if (status >= 500)
            {
                failures.Add($"{request}: {status} {Truncate(await response.Content.ReadAsStringAsync())}");
            }
            else if (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                failures.Add($"{request}: {status} as {response.Content.Headers.ContentType?.MediaType ?? "no content type"}");
            }
        }

        return failures;
    }

    /// <summary>Events and documents stored in a schema: what a refused request must leave unchanged.</summary>
    public static async Task<long> StoredRowsAsync(string connectionString, string schema)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "select table_name from information_schema.tables where table_schema = @schema and (table_name = 'mt_events' or table_name like 'mt_doc_%')",
            connection))
        {
            list.Parameters.AddWithValue("schema", schema);
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        long rows = 0;
        foreach (var table in tables)
        {
            await using var count = new NpgsqlCommand($"select count(*) from \"{schema}\".\"{table}\"", connection);
            rows += (long)(await count.ExecuteScalarAsync())!;
        }

        return rows;
    }

    private sealed record Endpoint(string Method, EndpointInfo Info, Type? BodyType);

    private static IEnumerable<Endpoint> Endpoints(IServiceProvider services)
    {
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var accepts = endpoint.Metadata.GetMetadata<IAcceptsMetadata>();
            var contentType = accepts?.ContentTypes is { Count: > 0 } types ? types[0] : "application/json";
            var anonymous = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null;
            foreach (var method in methods.Where(m => m != "OPTIONS"))
            {
                var info = new EndpointInfo(method, "/" + endpoint.RoutePattern.RawText!.Trim('/'), endpoint.RoutePattern, anonymous, null, contentType);
                yield return new Endpoint(method, info, accepts?.RequestType);
            }
        }
    }

    private static string EmptyIds(EndpointInfo endpoint) =>
        System.Text.RegularExpressions.Regex.Replace(endpoint.SampleUrl(), "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", Guid.Empty.ToString());

    // A body of the right shape: every property present with a value of its type.
    private static JsonNode? Sample(JsonSerializerOptions options, Type type, int depth, string? name = null)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (depth > 6)
        {
            return null;
        }

        // Plausible values where a name says what is expected, so more bodies get past the first checks.
        if (name is not null && Plausible.TryGetValue(name, out var plausible) && (type == typeof(string)) == plausible is string)
        {
            return JsonValue.Create(plausible);
        }

        if (type == typeof(string))
        {
            return "Sample";
        }

        if (type == typeof(Guid))
        {
            return Guid.NewGuid().ToString();
        }

        if (type == typeof(DateOnly))
        {
            return "2024-01-15";
        }

        if (type == typeof(DateTime) || type == typeof(DateTimeOffset))
        {
            return "2024-01-15T03:00:00Z";
        }

        if (type == typeof(bool))
        {
            return true;
        }

        if (type.IsEnum)
        {
            return JsonSerializer.SerializeToNode(Enum.GetValues(type).GetValue(0), type, options);
        }

        if (type.IsPrimitive || type == typeof(decimal))
        {
            return 1;
        }

        var info = options.GetTypeInfo(type);
        return info.Kind switch
        {
            JsonTypeInfoKind.Enumerable => new JsonArray(Sample(options, info.ElementType!, depth + 1)),
            JsonTypeInfoKind.Dictionary => new JsonObject(),
            JsonTypeInfoKind.Object => new JsonObject(info.Properties
                .Where(p => p.Set is not null || p.AssociatedParameter is not null)
                .Select(p => KeyValuePair.Create(p.Name, Sample(options, p.PropertyType, depth + 1, p.Name)))),
            _ => "Sample",
        };
    }

    private static readonly Dictionary<string, object> Plausible = new(StringComparer.Ordinal)
    {
        ["regencyCode"] = "1571",
        ["postalCode"] = "36138",
        ["email"] = "koperasi@example.org",
        ["code"] = "sample-code",
        ["category"] = "sample-code",
        ["bankCode"] = "002",
        ["accountNumber"] = "1234567890",
        ["year"] = 2026,
        ["financialYear"] = 2025,
        ["membersTotal"] = 10,
        ["membersPresent"] = 9,
        ["foundingMembers"] = 20,
        ["memberCount"] = 20,
    };

    // Each property of the sample, broken in each way that cannot be valid for its type.
    private static IEnumerable<(string Breaks, string Body)> Mutations(JsonSerializerOptions options, Type bodyType, JsonNode sample)
    {
        var fields = new List<(string Path, JsonPropertyInfo Property)>();
        Collect(options, bodyType, "", fields, 0);
        foreach (var (path, property) in fields)
        {
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var nullable = Nullable.GetUnderlyingType(property.PropertyType) is not null || property.IsSetNullable;
            foreach (var (breaks, value) in Breaks(options, type, nullable))
            {
                var body = sample.DeepClone();
                if (Set(body, path, value?.DeepClone()))
                {
                    yield return ($"{breaks} in {path}", body.ToJsonString());
                }
            }
        }
    }

    private static IEnumerable<(string Breaks, JsonNode? Value)> Breaks(JsonSerializerOptions options, Type type, bool nullable)
    {
        if (!nullable)
        {
            yield return ("null", null);
        }

        if (type == typeof(string))
        {
            yield return ("a number for a string", 12345);
            yield return ("a NUL character", "Sam\u0000ple");
            yield return ("a control character", "Sam\u0001ple\u001b");
            yield return ("a huge string", new string('x', 300_000));
            yield break;
        }

        yield return ("a wrong type", type.IsPrimitive || type == typeof(decimal) ? "not-a-number" : new JsonObject { ["x"] = 1 });
        if (type == typeof(DateOnly))
        {
            yield return ("an impossible date", "2024-02-30");
        }
        else if (type == typeof(Guid))
        {
            yield return ("the all-zero id", Guid.Empty.ToString());
            yield return ("a malformed id", "not-a-guid");
        }
        else if (type.IsEnum)
        {
            yield return ("an unknown enum value", "no-such-value");
            yield return ("an enum as a number", 0);
        }
        else if (type.IsPrimitive || type == typeof(decimal))
        {
            yield return ("a huge number", JsonNode.Parse("1" + new string('0', 400)));
        }
        else if (options.GetTypeInfo(type).Kind == JsonTypeInfoKind.Enumerable)
        {
            var item = Sample(options, options.GetTypeInfo(type).ElementType!, 1);
            yield return ("a null item", new JsonArray(item, null));
            yield return ("a huge array", new JsonArray([.. Enumerable.Range(0, 10_000).Select(_ => item?.DeepClone())]));
        }
    }

    private static void Collect(JsonSerializerOptions options, Type type, string prefix, List<(string, JsonPropertyInfo)> fields, int depth)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (depth > 5 || type == typeof(string) || type.IsPrimitive || type.IsEnum || type == typeof(decimal) || type == typeof(Guid)
            || type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset))
        {
            return;
        }

        var info = options.GetTypeInfo(type);
        if (info.Kind == JsonTypeInfoKind.Enumerable)
        {
            Collect(options, info.ElementType!, prefix + "[0]", fields, depth + 1);
            return;
        }

        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in info.Properties.Where(p => p.Set is not null || p.AssociatedParameter is not null))
        {
            var path = prefix.Length == 0 ? property.Name : $"{prefix}.{property.Name}";
            fields.Add((path, property));
            Collect(options, property.PropertyType, path, fields, depth + 1);
        }
    }

    // Sets the value at a path such as "board[0].name"; false when the sample has no such node.
    private static bool Set(JsonNode root, string path, JsonNode? value)
    {
        var segments = path.Replace("[", ".[", StringComparison.Ordinal).Split('.', StringSplitOptions.RemoveEmptyEntries);
        var node = root;
        for (var i = 0; i < segments.Length - 1; i++)
        {
            node = Child(node, segments[i]);
            if (node is null)
            {
                return false;
            }
        }

        var last = segments[^1];
        if (last.StartsWith('[') && node is JsonArray array && array.Count > 0)
        {
            array[0] = value;
            return true;
        }

        if (node is JsonObject obj)
        {
            obj[last] = value;
            return true;
        }

        return false;
    }

    private static JsonNode? Child(JsonNode node, string segment) =>
        segment.StartsWith('[') ? (node is JsonArray { Count: > 0 } array ? array[0] : null) : (node as JsonObject)?[segment];

    private static string Truncate(string text) => text.Length > 300 ? text[..300] : text;
}

/// <summary>The corpus run against a hosted service: the assertions every service's test shares.</summary>
public static class MalformedRequestChecks
{
    /// <summary>Every write endpoint gets the corpus as admin: no 5xx, every 4xx a problem, nothing stored.</summary>
    public static async Task WritesAreRefusedAsync<TProgram>(ServiceHost<TProgram> host, string service)
        where TProgram : class
    {
        var requests = MalformedRequests.ForWrites(host.Services);
        requests.Count.ShouldBeGreaterThan(50);
        var database = TestInfrastructure.TestDatabase(service);
        var before = await MalformedRequests.StoredRowsAsync(database, host.Schema);

        var failures = await MalformedRequests.FailuresAsync(host.CreateClient(), requests);

        failures.ShouldBeEmpty(string.Join("\n", failures.Take(40)));
        (await MalformedRequests.StoredRowsAsync(database, host.Schema)).ShouldBe(before, "a malformed request stored something");
    }

    /// <summary>Every read endpoint gets the corpus queries: no 5xx, every 4xx a problem.</summary>
    public static async Task ReadsAreRefusedAsync<TProgram>(ServiceHost<TProgram> host)
        where TProgram : class
    {
        var requests = MalformedRequests.ForReads(host.Services);
        requests.ShouldNotBeEmpty();

        var failures = await MalformedRequests.FailuresAsync(host.CreateClient(), requests);

        failures.ShouldBeEmpty(string.Join("\n", failures.Take(40)));
    }
}

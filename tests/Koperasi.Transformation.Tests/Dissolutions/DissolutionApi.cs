using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koperasi.FakeMinistry;

namespace Koperasi.Transformation.Tests.Dissolutions;

/// <summary>Dissolution requests as a client of the API writes them, and a host with a fake ministry on loopback.</summary>
public static class DissolutionApi
{
    public const string CasesUrl = "/api/transformation/dissolutions";
    public const string BatchesUrl = "/api/transformation/dissolution-batches";

    public static JsonObject Government(Guid cooperative, string proposedOn = "2026-03-02") => new()
    {
        ["cooperativeId"] = cooperative,
        ["proposedOn"] = proposedOn,
        ["grounds"] = new JsonArray(new JsonObject { ["kind"] = "no-rat", ["evidence"] = "BA verifikasi 12/DK/2026" }),
    };

    public static JsonObject Members(Guid cooperative) => new()
    {
        ["cooperativeId"] = cooperative,
        ["proposedOn"] = "2026-06-01",
        ["proposer"] = "supervisory-board",
    };

    public static async Task<JsonObject> ProposeAsync(HttpClient client, string path, JsonObject body)
    {
        using var response = await client.PostAsJsonAsync($"{CasesUrl}/{path}", body);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, JsonObject? body, long? version)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body ?? []) };
        if (version is { } v)
        {
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{v}\"");
        }

        return client.SendAsync(request);
    }

    /// <summary>A step on a case with its current version; expects 200 and gives the case after it.</summary>
    public static async Task<JsonObject> StepOkAsync(HttpClient client, JsonObject @case, string step, JsonObject body)
    {
        using var response = await PostAsync(client, $"{CasesUrl}/{@case["id"]}/{step}", body, Version(@case));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>A government case walked to "announced" (verified, announced on 2026-03-16: the announcement ends 2026-06-16).</summary>
    public static async Task<JsonObject> AnnouncedAsync(HttpClient client, Guid cooperative)
    {
        var proposed = await ProposeAsync(client, "government", Government(cooperative));
        var verified = await StepOkAsync(client, proposed, "field-verification", new JsonObject
        {
            ["verifiedOn"] = "2026-03-10",
            ["letter"] = new JsonObject { ["number"] = "140/22/DS-2026", ["date"] = "2026-03-05", ["desa"] = "Desa Sungai Duren" },
        });
        return await StepOkAsync(client, verified, "announcement", new JsonObject { ["announcedOn"] = "2026-03-16" });
    }

    public static async Task<JsonObject> OpenBatchAsync(HttpClient client, params JsonObject[] cases)
    {
        using var response = await client.PostAsJsonAsync(BatchesUrl, new JsonObject
        {
            ["title"] = "Usulan pembubaran November 2026",
            ["caseIds"] = new JsonArray([.. cases.Select(c => JsonValue.Create(c["id"]!.GetValue<Guid>()))]),
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static async Task<JsonObject> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static Task<JsonObject> CaseAsync(HttpClient client, JsonObject @case) => GetAsync(client, $"{CasesUrl}/{@case["id"]}");

    public static Task<JsonObject> BatchAsync(HttpClient client, JsonObject batch) => GetAsync(client, $"{BatchesUrl}/{batch["id"]}");

    public static long Version(JsonObject node) => node["version"]!.GetValue<long>();

    public static string Text(JsonNode? node) => node!.GetValue<string>();
}

/// <summary>The Transformation service with a fake ministry of its own on loopback, and quick retries.</summary>
public class DissolutionHost : TransformationHost
{
    public FakeMinistryServer Ministry { get; private set; } = null!;

    public override async ValueTask InitializeAsync()
    {
        Ministry = await FakeMinistryServer.StartAsync("http://127.0.0.1:0");
        With("Ministry:BaseAddress", Ministry.Address.ToString());
        With("Ministry:AttemptTimeout", "00:00:00.500");
        With("Ministry:MaxRetryAttempts", "2");
        With("Ministry:RetryDelay", "00:00:00.020");
        With("Ministry:TotalTimeout", "00:00:10");
        With("Ministry:MinimumThroughput", "1000");
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Ministry.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koperasi.ServiceDefaults.Regions;
using Koperasi.Testing;

namespace Koperasi.EndToEnd.Tests;

/// <summary>The calls an officer makes, over HTTP, to each service.</summary>
public static class Api
{
    public static async Task<JsonObject> SendAsync(HttpClient client, HttpMethod method, string url, JsonObject? body = null, HttpStatusCode expected = HttpStatusCode.OK, long? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        if (ifMatch is { } version)
        {
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, $"{method} {url}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public static Task<JsonObject> GetAsync(HttpClient client, string url) => SendAsync(client, HttpMethod.Get, url);

    public static async Task<JsonArray> GetArrayAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!.AsArray();
    }

    public static string Text(JsonNode? node) => node!.GetValue<string>();

    public static Guid Id(JsonNode? resource) => resource!["id"]!.GetValue<Guid>();

    /// <summary>Polls <paramref name="read"/> until it satisfies <paramref name="condition"/>, and gives it.</summary>
    public static Task<JsonObject> UntilAsync(Func<Task<JsonObject>> read, Func<JsonObject, bool> condition, string what) =>
        Eventually.ValueAsync(async () => await read() is var value && condition(value) ? value : null, what);
}

/// <summary>The Registry's API.</summary>
public static class Register
{
    public const string Cooperatives = "/api/registry/cooperatives";

    /// <summary>A koperasi founded in 2021 whose RATs of 2021–2023 were held: aktif, with <paramref name="members"/> members.</summary>
    public static JsonObject Koperasi(string name, int members, string regency = "1571", bool withRats = true, string decreeDate = "2021-02-01") => new()
    {
        ["name"] = name,
        ["form"] = "primer",
        ["type"] = "konsumen",
        ["supervisionLevel"] = "kabupaten-kota",
        ["address"] = new JsonObject { ["street"] = "Jl. Jenderal Sudirman 8", ["kecamatan"] = Places.KecamatanOf(regency).FirstOrDefault(k => k.RegencyCode != "1571")?.Name ?? "Jambi Selatan", ["regencyCode"] = regency },
        ["legalEntity"] = new JsonObject { ["decreeNumber"] = $"{Guid.NewGuid():N}/BH/XIV.10/2021", ["decreeDate"] = decreeDate },
        ["foundingMembers"] = 21,
        ["memberCount"] = members,
        ["businessField"] = "Warung serba ada",
        ["board"] = new JsonArray(new JsonObject { ["name"] = "Dewi Lestari", ["position"] = "ketua" }),
        ["ratHistory"] = withRats ? new JsonArray(Rat(2021, "2022-03-05", members), Rat(2022, "2023-03-04", members), Rat(2023, "2024-03-02", members)) : [],
    };

    public static JsonObject Rat(int year, string heldOn, int members) => new()
    {
        ["financialYear"] = year,
        ["heldOn"] = heldOn,
        ["membersPresent"] = members * 3 / 4 + 1,
        ["membersTotal"] = members,
        ["mode"] = "in-person",
    };

    public static async Task<Guid> RegisterAsync(HttpClient client, JsonObject koperasi) =>
        Api.Id(await Api.SendAsync(client, HttpMethod.Post, Cooperatives, koperasi, HttpStatusCode.Created));

    public static Task<JsonObject> ReadAsync(HttpClient client, Guid id) => Api.GetAsync(client, $"{Cooperatives}/{id}");

    public static async Task<string[]> HistoryAsync(HttpClient client, Guid id) =>
        [.. (await Api.GetArrayAsync(client, $"{Cooperatives}/{id}/history")).Select(e => Api.Text(e!["type"]))];

    /// <summary>Koperasi in a regency on a day, from the statistics (computed asynchronously from the events).</summary>
    public static async Task<long> CountAsync(HttpClient client, string regency, string asOf) =>
        (await Api.GetAsync(client, $"/api/registry/statistics/regencies?asOf={asOf}"))["rows"]!.AsArray()
            .Single(r => Api.Text(r!["regencyCode"]) == regency)!["total"]!.GetValue<long>();
}

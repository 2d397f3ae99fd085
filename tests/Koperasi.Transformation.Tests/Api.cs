using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Koperasi.Transformation.Tests;

/// <summary>Request bodies and calls, as a client of the API writes them.</summary>
public static class Api
{
    public const string Cases = "/api/transformation/cases";

    /// <summary>An early proposal date, so meetings, deed and ratification fit before the host's today (2026-11-22).</summary>
    public const string ProposedOn = "2026-06-01";

    public static JsonObject Merger(Guid survivor, params Guid[] absorbed) => new()
    {
        ["survivorId"] = survivor,
        ["absorbedIds"] = new JsonArray([.. absorbed.Select(a => JsonValue.Create(a))]),
        ["proposedOn"] = ProposedOn,
    };

    public static JsonObject Amalgamation(IEnumerable<Guid> participants, string regency = "15.71") => new()
    {
        ["participantIds"] = new JsonArray([.. participants.Select(a => JsonValue.Create(a))]),
        ["proposedOn"] = ProposedOn,
        ["newCooperative"] = new JsonObject
        {
            ["name"] = "Koperasi Produsen Tani Bersatu",
            ["form"] = "primer",
            ["type"] = "produsen",
            ["multiPihak"] = true,
            ["memberClasses"] = new JsonArray("petani", "pedagang"),
            ["supervisionLevel"] = "kabupaten-kota",
            ["domicile"] = new JsonObject { ["street"] = "Jl. Gatot Subroto 8", ["kecamatan"] = "Jambi Timur", ["regencyCode"] = regency, ["postalCode"] = "36141" },
            ["businessField"] = "Pengolahan dan pemasaran hasil pertanian",
        },
    };

    public static JsonObject Amendment(Guid cooperative, JsonObject changes) => new()
    {
        ["cooperativeId"] = cooperative,
        ["changes"] = changes,
        ["proposedOn"] = ProposedOn,
    };

    public static JsonObject Meeting(Guid cooperative, string heldOn = "2026-07-20", int present = 80, int total = 100, int votesFor = 70, int against = 5) => new()
    {
        ["cooperativeId"] = cooperative,
        ["heldOn"] = heldOn,
        ["membersPresent"] = present,
        ["membersTotal"] = total,
        ["votesFor"] = votesFor,
        ["votesAgainst"] = against,
    };

    public static JsonObject Deed(string date = "2026-09-02") => new() { ["number"] = "14", ["date"] = date, ["notary"] = "Notaris Contoh Satu, S.H., M.Kn." };

    public static JsonObject Ratification(string date = "2026-10-15") => new() { ["decreeNumber"] = "AHU-0004521.AH.01.29.TAHUN 2026", ["decreeDate"] = date };

    /// <summary>Proposes a case of a kind ("mergers", "amalgamations", "articles-amendments"); expects 201.</summary>
    public static async Task<JsonObject> ProposeAsync(HttpClient client, string kind, JsonObject body)
    {
        using var response = await client.PostAsJsonAsync($"{Cases}/{kind}", body);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>Posts a step ("meetings", "deed", "ratification", "withdrawal") with If-Match, when a version is given.</summary>
    public static Task<HttpResponseMessage> StepAsync(HttpClient client, JsonObject @case, string step, JsonObject body, long? version = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{Cases}/{@case["id"]}/{step}") { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{version ?? @case["version"]!.GetValue<long>()}\"");
        return client.SendAsync(request);
    }

    /// <summary>Posts a step with the case's current version; expects 200 and gives the case after it.</summary>
    public static async Task<JsonObject> StepOkAsync(HttpClient client, JsonObject @case, string step, JsonObject body)
    {
        using var response = await StepAsync(client, @case, step, body);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var after = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        response.Headers.ETag!.Tag.ShouldBe($"\"{after["version"]}\"");
        return after;
    }

    public static async Task<JsonObject> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static Task<JsonObject> CaseAsync(HttpClient client, JsonObject @case) => GetAsync(client, $"{Cases}/{@case["id"]}");

    /// <summary>Reads a problem-details answer and checks its media type.</summary>
    public static async Task<JsonObject> ProblemAsync(HttpResponseMessage response)
    {
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>The fields a problem names: its validation errors' keys and its "field" extension.</summary>
    public static IReadOnlyList<string> FieldsOf(JsonObject problem) =>
    [
        .. (problem["errors"] as JsonObject)?.Select(e => e.Key) ?? [],
        .. problem["field"] is { } field ? [field.GetValue<string>()] : Array.Empty<string>(),
    ];

    public static string Text(JsonNode? node) => node!.GetValue<string>();
}

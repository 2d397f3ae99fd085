using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Koperasi.ServiceDefaults.Regions;
using Koperasi.Testing;

namespace Koperasi.Registry.Tests;

/// <summary>
/// The Registry against the real PostgreSQL and RabbitMQ, shared by the tests of one class that need
/// no clock of their own. A class fixture, so the tests of the domain never wait for a database.
/// </summary>
public sealed class RegistryHost : ServiceHost<Program>
{
    private static int _instances;

    // One host per test class, running side by side: each needs its own schema.
    public RegistryHost()
        : base("registry", $"http{Interlocked.Increment(ref _instances)}") => With("Activity:ScheduledEvaluation", "false");
}

/// <summary>
/// Registry hosts for tests that move the clock or count the whole register. The scheduled
/// activity evaluation is off unless a test turns it on, so moving the clock runs nothing behind the test's back.
/// </summary>
public sealed class IsolatedRegistryHost : ServiceHost<Program>
{
    public IsolatedRegistryHost(string name, DateTimeOffset now, bool scheduledEvaluation = false)
        : base("registry", name, now) => With("Activity:ScheduledEvaluation", scheduledEvaluation ? "true" : "false");
}

/// <summary>Request bodies and calls, as a client of the API writes them.</summary>
public static class Api
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A valid registration; every test gets its own decree number.</summary>
    public static JsonObject Registration(string? name = null, string regency = "1571", string decreeDate = "2023-04-12", params JsonObject[] rats) => new()
    {
        ["name"] = name ?? $"Koperasi Uji {Guid.NewGuid():N}",
        ["form"] = "primer",
        ["type"] = "konsumen",
        ["supervisionLevel"] = "kabupaten-kota",
        ["address"] = new JsonObject
        {
            ["street"] = "Jl. Jenderal Sudirman 8",
            ["village"] = "Thehok",
            ["kecamatan"] = Places.KecamatanOf(regency).FirstOrDefault(k => k.RegencyCode != "1571")?.Name ?? "Jambi Selatan",
            ["regencyCode"] = regency,
            ["postalCode"] = "36138",
        },
        ["legalEntity"] = new JsonObject { ["decreeNumber"] = $"{Guid.NewGuid():N}/BH/XIV.10/2018", ["decreeDate"] = decreeDate },
        ["foundingMembers"] = 21,
        ["memberCount"] = 35,
        ["businessField"] = "Warung serba ada",
        ["board"] = new JsonArray(new JsonObject { ["name"] = "Dewi Lestari", ["position"] = "ketua" }),
        ["ratHistory"] = new JsonArray([.. rats]),
    };

    public static JsonObject Rat(int year, string heldOn, int present = 25, int total = 35) => new()
    {
        ["financialYear"] = year,
        ["heldOn"] = heldOn,
        ["membersPresent"] = present,
        ["membersTotal"] = total,
        ["mode"] = "in-person",
    };

    /// <summary>Reports a RAT with If-Match: the version given, or the koperasi's version read now.</summary>
    public static async Task<HttpResponseMessage> ReportRatAsync(HttpClient client, object id, JsonObject rat, object? version = null)
    {
        version ??= (await GetAsync(client, $"/api/registry/cooperatives/{id}"))["version"];
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/registry/cooperatives/{id}/rat-reports") { Content = JsonContent.Create(rat) };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        return await client.SendAsync(request);
    }

    public static async Task<JsonObject> RegisterAsync(HttpClient client, JsonObject registration)
    {
        using var response = await client.PostAsJsonAsync("/api/registry/cooperatives", registration);
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static async Task<JsonObject> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

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
}

using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Koperasi.Registry.Tests.Supervision;

/// <summary>The supervision calls as a client writes them.</summary>
public static class SupervisionApi
{
    /// <summary>POSTs a body to a koperasi's sub-resource with If-Match: the version given, or the one read now.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, object id, string path, JsonNode body, object? version = null, HttpClient? reader = null)
    {
        version ??= (await Api.GetAsync(reader ?? client, $"/api/registry/cooperatives/{id}"))["version"];
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/registry/cooperatives/{id}/{path}") { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        return await client.SendAsync(request);
    }

    /// <summary>POSTs a raw JSON text with If-Match.</summary>
    public static async Task<HttpResponseMessage> PostRawAsync(HttpClient client, object id, string path, string json, object version)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/registry/cooperatives/{id}/{path}")
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        return await client.SendAsync(request);
    }

    /// <summary>A registration in Merangin, kecamatan Bangko (15.02.02): the KDMP tests mark its desa (Pasar Bangko is 15.02.02.1010).</summary>
    public static JsonObject InBangko(params JsonObject[] rats)
    {
        var registration = Api.Registration(regency: "1502", rats: rats);
        registration["address"]!["kecamatan"] = "Bangko";
        return registration;
    }

    public static JsonObject Assignment(string pembina, string? regency = null, string level = "kabupaten-kota") => new()
    {
        ["level"] = level,
        ["pembinaUserId"] = pembina,
        ["regencyCode"] = regency,
    };

    public static JsonObject Visit(string heldOn, params (string Action, string DueOn)[] followUps) => new()
    {
        ["kind"] = "visit",
        ["heldOn"] = heldOn,
        ["findings"] = "Buku kas belum diperbarui sejak Agustus.",
        ["recommendations"] = "Perbarui buku kas dan jadwalkan RAT.",
        ["followUps"] = new JsonArray([.. followUps.Select(f => (JsonNode)new JsonObject { ["action"] = f.Action, ["dueOn"] = f.DueOn })]),
    };

    public static async Task<long> VersionAsync(HttpClient client, object id) =>
        (await Api.GetAsync(client, $"/api/registry/cooperatives/{id}"))["version"]!.GetValue<long>();

    public static async Task<JsonObject> OkAsync(HttpResponseMessage response)
    {
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}

using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koperasi.Testing;

namespace Koperasi.Funding.Tests;

/// <summary>Request bodies and calls, as a client of the API writes them. Every NIK is synthetic.</summary>
public static class Api
{
    private static int _years = 2100;
    private static int _niks;

    /// <summary>A year no other programme of the test run has (one programme per year).</summary>
    public static int NextYear() => Interlocked.Increment(ref _years);

    /// <summary>A NIK of its own: region 15 01, a kecamatan and serial from a counter, the birth date (+40 for a woman).</summary>
    public static string Nik(string sex = "female", string birthDate = "1990-07-15")
    {
        var n = Interlocked.Increment(ref _niks);
        var born = DateOnly.ParseExact(birthDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var day = born.Day + (sex == "female" ? 40 : 0);
        return string.Create(CultureInfo.InvariantCulture, $"1501{1 + (n / 9999 % 98):00}{day:00}{born:MMyy}{1 + (n % 9999):0000}");
    }

    public static JsonObject Programme(int? year = null, decimal budget = 1_000_000_000, JsonObject? quotas = null, JsonObject? eligibility = null)
    {
        var body = new JsonObject
        {
            ["year"] = year ?? NextYear(),
            ["name"] = "Dumisake UMKM uji",
            ["budget"] = budget,
            ["targetRecipients"] = 100,
            ["categories"] = new JsonArray(
                new JsonObject { ["code"] = "mak-mak", ["name"] = "Mak-mak", ["amount"] = 10_000_000 },
                new JsonObject { ["code"] = "wirausaha-pemula", ["name"] = "Wirausaha pemula", ["amount"] = 20_000_000 },
                new JsonObject { ["code"] = "milenial", ["name"] = "Milenial", ["amount"] = 20_000_000 }),
            ["referenceDate"] = "2026-01-01",
            ["window"] = new JsonObject { ["opens"] = "2026-01-01", ["closes"] = "2026-12-31" },
        };
        if (quotas is not null)
        {
            body["regencyQuotas"] = quotas;
        }

        if (eligibility is not null)
        {
            body["eligibility"] = eligibility;
        }

        return body;
    }

    public static JsonObject Application(
        string programmeId, string? nik = null, string sex = "female", string birthDate = "1990-07-15", string regency = "1503",
        string category = "wirausaha-pemula", string occupation = "trader", bool kurDebtor = false, string? cooperativeId = null, string name = "Siti Rahmawati",
        string phone = "081234567890")
    {
        var body = new JsonObject
        {
            ["programmeId"] = programmeId,
            ["nik"] = nik ?? Nik(sex, birthDate),
            ["name"] = name,
            ["sex"] = sex,
            ["birthDate"] = birthDate,
            ["address"] = new JsonObject { ["regencyCode"] = regency, ["kecamatan"] = "Pelawan", ["street"] = "Jl. Lintas Sumatera 12", ["village"] = "Pelawan Jaya" },
            ["phone"] = phone,
            ["occupation"] = occupation,
            ["declaredKurDebtor"] = kurDebtor,
            ["category"] = category,
            ["businessDescription"] = "Keripik pisang dan ubi",
        };
        if (cooperativeId is not null)
        {
            body["cooperativeId"] = cooperativeId;
        }

        return body;
    }

    public static async Task<JsonObject> OpenProgrammeAsync(HttpClient client, JsonObject? body = null)
    {
        using var response = await client.PostAsJsonAsync("/api/funding/programmes", body ?? Programme());
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static async Task<JsonObject> SubmitAsync(HttpClient client, JsonObject body)
    {
        using var response = await client.PostAsJsonAsync("/api/funding/applications", body);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, JsonObject body) =>
        client.PostAsJsonAsync(url, body);

    public static async Task<JsonObject> StepAsync(HttpClient client, string id, string step, JsonObject body)
    {
        using var response = await IfMatch.PostAsync(client, $"/api/funding/applications/{id}/{step}", body);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static JsonObject Documents() => new() { ["complete"] = true };

    public static JsonObject FieldVisit(string visitedOn = "2026-03-10", bool kurDebtorFound = false) => new()
    {
        ["visitedOn"] = visitedOn,
        ["findings"] = "Usaha berjalan, peralatan lengkap",
        ["businessFound"] = true,
        ["kurDebtorFound"] = kurDebtorFound,
        ["photoReferences"] = new JsonArray("foto/verifikasi-1.jpg"),
    };

    public static JsonObject Eligibility(bool eligible = true) => new() { ["eligible"] = eligible };

    public static JsonObject Visit(string visitedOn = "2026-03-10") => new()
    {
        ["visitedOn"] = visitedOn,
        ["fundsUsedAsPlanned"] = true,
        ["monthlyRevenue"] = 3_500_000,
        ["production"] = "Keripik pisang, 40 bungkus per hari",
        ["photoReferences"] = new JsonArray("foto/monitoring-1.jpg"),
    };

    /// <summary>An application taken through documents, field verification and eligibility as admin: ready for a decree.</summary>
    public static async Task<string> EligibleAsync(HttpClient client, JsonObject application)
    {
        var id = (await SubmitAsync(client, application))["id"]!.GetValue<string>();
        await StepAsync(client, id, "documents-check", Documents());
        await StepAsync(client, id, "field-verification", FieldVisit());
        await StepAsync(client, id, "eligibility", Eligibility());
        return id;
    }

    public static JsonObject Batch(params string[] applicationIds) => new()
    {
        ["decreeNumber"] = $"188.4/{Guid.NewGuid():N}/KPTS/DISKOP",
        ["decreeDate"] = "2026-03-10",
        ["applicationIds"] = new JsonArray([.. applicationIds.Select(id => (JsonNode)id)]),
    };

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

    public static string Id(JsonObject resource) => resource["id"]!.GetValue<string>();
}

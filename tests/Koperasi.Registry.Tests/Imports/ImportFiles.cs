using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Koperasi.Registry.Imports;
using Koperasi.ServiceDefaults.Regions;
using Koperasi.Testing;

[assembly: SuppressMessage("Naming", "CA1716", Scope = "namespace", Target = "~N:Koperasi.Registry.Tests.Imports",
    Justification = "Named for the slice it tests; no Visual Basic code consumes the tests.")]

namespace Koperasi.Registry.Tests.Imports;

/// <summary>CSV files for the import tests: the header as documented and valid rows with a unique decree number each.</summary>
internal static class ImportFiles
{
    public static readonly string Header = string.Join(',', RegisterCsv.Columns.Select(c => c.Name));

    /// <summary>A unique token for one test: in every name and decree number it generates, so queries find its rows only.</summary>
    public static string NewToken() => "uji" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>A valid row; <paramref name="change"/> replaces values by column name.</summary>
    public static string Row(string token, int i, Dictionary<string, string>? change = null)
    {
        var values = new Dictionary<string, string>
        {
            ["name"] = $"Koperasi {token} {i}",
            ["form"] = "primer",
            ["type"] = "konsumen",
            ["supervision_level"] = "kabupaten-kota",
            ["regency_code"] = "1571",
            ["kecamatan"] = "Telanaipura",
            ["street"] = $"Jl. Uji No. {i}",
            ["decree_number"] = string.Create(CultureInfo.InvariantCulture, $"{i}/BH/{token}/III/2015"),
            ["decree_date"] = "2015-03-12",
            ["founding_members"] = "20",
            ["member_count"] = "40",
            ["business_field"] = "Toko kebutuhan pokok",
            ["last_rat_year"] = "2024",
            ["last_rat_date"] = "2025-03-15",
            ["last_rat_members_present"] = "30",
            ["last_rat_members_total"] = "40",
            ["last_rat_mode"] = "in-person",
        };
        foreach (var (column, value) in change ?? [])
        {
            values[column] = value;
        }

        // A row of another regency names one of that regency's kecamatan, unless the test says which.
        if (change?.ContainsKey("kecamatan") != true && Places.KecamatanOf(values["regency_code"]) is [var first, ..] && first.RegencyCode != "1571")
        {
            values["kecamatan"] = first.Name;
        }

        return string.Join(',', RegisterCsv.Columns.Select(c => values.GetValueOrDefault(c.Name, "")));
    }

    public static string File(params IEnumerable<string> rows) => string.Join('\n', [Header, .. rows]) + "\n";

    public static string Valid(string token, int count) => File(Enumerable.Range(1, count).Select(i => Row(token, i)));

    /// <summary>The sample file kept in the repository (docs/samples).</summary>
    public static string Sample()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "docs", "samples", "register-sample.csv");
            if (System.IO.File.Exists(path))
            {
                return System.IO.File.ReadAllText(path);
            }
        }

        throw new FileNotFoundException("docs/samples/register-sample.csv not found above the test's directory.");
    }

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string csv, string fileName) =>
        await client.PostAsync(
            new Uri($"/api/registry/imports?fileName={Uri.EscapeDataString(fileName)}", UriKind.Relative),
            new StringContent(csv, Encoding.UTF8, "text/csv"));

    /// <summary>Uploads a file, expects 202, and waits until its job has finished.</summary>
    public static async Task<JsonObject> ImportAsync(HttpClient client, string csv, string fileName)
    {
        using var response = await UploadAsync(client, csv, fileName);
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return await FinishedAsync(client, response.Headers.Location!.ToString());
    }

    public static Task<JsonObject> FinishedAsync(HttpClient client, string location) =>
        Eventually.ValueAsync(async () =>
        {
            var job = await Api.GetAsync(client, location);
            return job["status"]!.GetValue<string>() is "completed" or "failed" ? job : null;
        }, $"the import {location} to finish", TimeSpan.FromSeconds(90));

    public static async Task<long> CountAsync(HttpClient client, string token) =>
        (await Api.GetAsync(client, $"/api/registry/cooperatives?q={token}&pageSize=1"))["totalCount"]!.GetValue<long>();

    public static int Int(JsonObject job, string field) => job[field]!.GetValue<int>();

    public static async Task<JsonArray> ListAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonArray>(new Uri("/api/registry/imports?limit=100", UriKind.Relative)))!;
}

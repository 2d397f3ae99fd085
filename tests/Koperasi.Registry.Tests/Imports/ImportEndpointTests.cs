using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Koperasi.Registry.Tests.Imports;

/// <summary>Uploading a register over HTTP, against the shared Registry host; every test's rows carry its own token.</summary>
public class ImportEndpointTests(RegistryHost registry) : IClassFixture<RegistryHost>
{
    private readonly HttpClient _client = registry.CreateClient();

    [Fact]
    public async Task Valid_rows_are_imported_and_invalid_rows_are_reported_with_their_row_and_reason()
    {
        var token = ImportFiles.NewToken();
        var csv = ImportFiles.File(
            ImportFiles.Row(token, 1),
            ImportFiles.Row(token, 2),
            ImportFiles.Row(token, 3, new() { ["type"] = "koperasi-susu" }),
            ImportFiles.Row(token, 4, new() { ["founding_members"] = "5" }),
            ImportFiles.Row(token, 5, new() { ["decree_number"] = $"1/BH/{token}/III/2015" }),
            "",
            ImportFiles.Row(token, 6));

        var job = await ImportFiles.ImportAsync(_client, csv, $"{token}.csv");

        job["status"]!.GetValue<string>().ShouldBe("completed");
        (ImportFiles.Int(job, "totalRows"), ImportFiles.Int(job, "processedRows")).ShouldBe((6, 6));
        (ImportFiles.Int(job, "imported"), ImportFiles.Int(job, "alreadyRegistered"), ImportFiles.Int(job, "invalid")).ShouldBe((3, 0, 3));
        var errors = job["errors"]!.AsArray().Select(e => (
            Row: e!["row"]!.GetValue<int>(), Column: e["column"]?.GetValue<string>(), Rule: e["rule"]?.GetValue<string>(), Reason: e["reason"]!.GetValue<string>())).ToList();
        errors.Select(e => (e.Row, e.Column, e.Rule)).ShouldBe(
        [
            (4, "type", null),
            (5, "founding_members", "primer-needs-minimum-founders"),
            (6, "decree_number", "decree-number-duplicated-in-file"),
        ]);
        errors[0].Reason.ShouldContain("koperasi-susu");
        errors[1].Reason.ShouldContain("needs at least 20 founding people");
        errors[2].Reason.ShouldContain("row 2");
        (await ImportFiles.CountAsync(_client, token)).ShouldBe(3);
    }

    [Fact]
    public async Task Importing_the_same_file_again_imports_nothing_and_changes_nothing()
    {
        var token = ImportFiles.NewToken();
        var csv = ImportFiles.File(ImportFiles.Row(token, 1), ImportFiles.Row(token, 2), ImportFiles.Row(token, 3, new() { ["nib"] = "123" }), ImportFiles.Row(token, 4));
        var first = await ImportFiles.ImportAsync(_client, csv, $"{token}.csv");
        ImportFiles.Int(first, "imported").ShouldBe(3);
        var before = await VersionsAsync(token);

        var again = await ImportFiles.ImportAsync(_client, csv, $"{token}-again.csv");

        again["status"]!.GetValue<string>().ShouldBe("completed");
        (ImportFiles.Int(again, "imported"), ImportFiles.Int(again, "alreadyRegistered"), ImportFiles.Int(again, "invalid")).ShouldBe((0, 3, 1));
        (await ImportFiles.CountAsync(_client, token)).ShouldBe(3);
        (await VersionsAsync(token)).ShouldBe(before);
    }

    [Fact]
    public async Task A_registration_over_http_counts_as_already_registered_in_a_later_import()
    {
        var token = ImportFiles.NewToken();
        var registration = Api.Registration($"Koperasi {token} lewat API");
        await Api.RegisterAsync(_client, registration);
        var decree = registration["legalEntity"]!["decreeNumber"]!.GetValue<string>();
        var csv = ImportFiles.File(ImportFiles.Row(token, 1, new() { ["decree_number"] = $" {decree.ToLowerInvariant()} " }), ImportFiles.Row(token, 2));

        var job = await ImportFiles.ImportAsync(_client, csv, $"{token}.csv");

        (ImportFiles.Int(job, "imported"), ImportFiles.Int(job, "alreadyRegistered")).ShouldBe((1, 1));
        (await ImportFiles.CountAsync(_client, token)).ShouldBe(2);
    }

    [Fact]
    public async Task Events_of_an_import_record_who_uploaded_the_file()
    {
        var token = ImportFiles.NewToken();

        var job = await ImportFiles.ImportAsync(_client, ImportFiles.Valid(token, 1), $"{token}.csv");

        var list = await Api.GetAsync(_client, $"/api/registry/cooperatives?q={token}");
        var id = list["items"]![0]!["id"]!.GetValue<string>();
        using var response = await _client.GetAsync(new Uri($"/api/registry/cooperatives/{id}/history", UriKind.Relative));
        var history = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
        history.ShouldNotBeEmpty();
        history.ShouldAllBe(e => e!["actor"]!.GetValue<string>() == job["submittedBy"]!.GetValue<string>());
        job["submittedBy"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task A_multipart_upload_takes_the_file_from_the_field_named_file()
    {
        var token = ImportFiles.NewToken();
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(ImportFiles.Valid(token, 2).Replace(',', ';')));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.ms-excel");
        form.Add(file, "file", $"{token}-daftar.csv");

        using var response = await _client.PostAsync(new Uri("/api/registry/imports", UriKind.Relative), form);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var accepted = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        accepted["fileName"]!.GetValue<string>().ShouldBe($"{token}-daftar.csv");
        accepted["status"]!.GetValue<string>().ShouldBe("queued");
        accepted["totalRows"]!.GetValue<int>().ShouldBe(2);
        var job = await ImportFiles.FinishedAsync(_client, response.Headers.Location!.ToString());
        ImportFiles.Int(job, "imported").ShouldBe(2);
    }

    [Fact]
    public async Task A_multipart_upload_without_the_file_field_names_it()
    {
        using var form = new MultipartFormDataContent { { new StringContent(ImportFiles.Valid(ImportFiles.NewToken(), 1)), "berkas", "daftar.csv" } };

        using var response = await _client.PostAsync(new Uri("/api/registry/imports", UriKind.Relative), form);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Api.FieldsOf(await Api.ProblemAsync(response)).ShouldBe(["file"]);
    }

    public static TheoryData<string, string, string> BrokenFiles()
    {
        var t = "{token}";
        return new()
        {
            { "missing required column", ImportFiles.Valid(t, 2).Replace("business_field,", "", StringComparison.Ordinal), "business_field" },
            { "unknown column", ImportFiles.Valid(t, 2).Replace("nib,", "nomor_induk,", StringComparison.Ordinal), "nomor_induk" },
            { "unbalanced quote", ImportFiles.File(ImportFiles.Row(t, 1), ImportFiles.Row(t, 2, new() { ["street"] = "\"Jl. Tanpa Penutup" }), ImportFiles.Row(t, 3)), "row 3" },
            { "wrong field count", ImportFiles.File(ImportFiles.Row(t, 1), ImportFiles.Row(t, 2), ImportFiles.Row(t, 3) + ",,"), "row 4" },
            { "empty file", "", "file" },
            { "header without rows", ImportFiles.File(), "file" },
        };
    }

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public async Task A_broken_file_answers_400_naming_the_column_or_row_and_stores_nothing(string @case, string template, string field)
    {
        var token = ImportFiles.NewToken();

        using var response = await ImportFiles.UploadAsync(_client, template.Replace("{token}", token, StringComparison.Ordinal), $"{token}.csv");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, @case);
        var problem = await Api.ProblemAsync(response);
        Api.FieldsOf(problem).ShouldContain(field, @case);
        await ShouldHaveStoredNothingAsync(token);
    }

    [Fact]
    public async Task A_file_that_is_not_utf8_answers_400_naming_the_file_and_stores_nothing()
    {
        var token = ImportFiles.NewToken();
        using var content = new ByteArrayContent(Encoding.Latin1.GetBytes(ImportFiles.Valid(token, 1).Replace("Toko", "Tökö", StringComparison.Ordinal)));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");

        using var response = await _client.PostAsync(new Uri($"/api/registry/imports?fileName={token}.csv", UriKind.Relative), content);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Api.FieldsOf(await Api.ProblemAsync(response)).ShouldBe(["file"]);
        await ShouldHaveStoredNothingAsync(token);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/plain")]
    [InlineData("text/csv; charset=windows-1252")]
    [InlineData(null)]
    public async Task Another_content_type_answers_415_naming_the_content_type(string? contentType)
    {
        var token = ImportFiles.NewToken();
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(ImportFiles.Valid(token, 1)));
        content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);

        using var response = await _client.PostAsync(new Uri($"/api/registry/imports?fileName={token}.csv", UriKind.Relative), content);

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        Api.FieldsOf(await Api.ProblemAsync(response)).ShouldContain("Content-Type");
        await ShouldHaveStoredNothingAsync(token);
    }

    [Fact]
    public async Task A_file_over_50_MB_answers_413_and_stores_nothing()
    {
        var token = ImportFiles.NewToken();
        var rows = ImportFiles.Valid(token, 1);
        var bytes = new byte[(50 * 1024 * 1024) + 1];
        bytes.AsSpan().Fill((byte)' ');
        Encoding.UTF8.GetBytes(rows).CopyTo(bytes, 0);
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");

        using var response = await _client.PostAsync(new Uri($"/api/registry/imports?fileName={token}.csv", UriKind.Relative), content);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        Api.FieldsOf(await Api.ProblemAsync(response)).ShouldContain("body");
        await ShouldHaveStoredNothingAsync(token);
    }

    [Fact]
    public async Task Jobs_are_listed_newest_first_and_an_unknown_job_answers_404()
    {
        var token = ImportFiles.NewToken();
        var first = await ImportFiles.ImportAsync(_client, ImportFiles.Valid(token, 1), $"{token}-1.csv");
        var second = await ImportFiles.ImportAsync(_client, ImportFiles.Valid(token, 1), $"{token}-2.csv");

        var listed = (await ImportFiles.ListAsync(_client)).Select(j => j!["id"]!.GetValue<string>()).ToList();
        listed.ShouldContain(first["id"]!.GetValue<string>());
        listed.IndexOf(second["id"]!.GetValue<string>()).ShouldBeLessThan(listed.IndexOf(first["id"]!.GetValue<string>()));
        var completed = await _client.GetFromJsonAsync<JsonArray>(new Uri("/api/registry/imports?status=completed&limit=100", UriKind.Relative));
        completed!.ShouldContain(j => j!["id"]!.GetValue<string>() == first["id"]!.GetValue<string>());
        completed!.ShouldAllBe(j => j!["status"]!.GetValue<string>() == "completed");
        var failed = await _client.GetFromJsonAsync<JsonArray>(new Uri("/api/registry/imports?status=failed", UriKind.Relative));
        failed!.ShouldNotContain(j => j!["id"]!.GetValue<string>() == first["id"]!.GetValue<string>());

        using var missing = await _client.GetAsync(new Uri($"/api/registry/imports/{Guid.NewGuid()}", UriKind.Relative));
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Api.ProblemAsync(missing))["type"]!.GetValue<string>().ShouldBe("urn:koperasi:problem:not-found");

        using var badLimit = await _client.GetAsync(new Uri("/api/registry/imports?limit=0", UriKind.Relative));
        Api.FieldsOf(await Api.ProblemAsync(badLimit)).ShouldBe(["limit"]);
    }

    private async Task ShouldHaveStoredNothingAsync(string token)
    {
        (await ImportFiles.ListAsync(_client)).ShouldNotContain(j => j!["fileName"]!.GetValue<string>().StartsWith(token, StringComparison.Ordinal));
        (await ImportFiles.CountAsync(_client, token)).ShouldBe(0);
    }

    private async Task<Dictionary<string, long>> VersionsAsync(string token)
    {
        var list = await Api.GetAsync(_client, $"/api/registry/cooperatives?q={token}&pageSize=200");
        var versions = new Dictionary<string, long>();
        foreach (var item in list["items"]!.AsArray())
        {
            var id = item!["id"]!.GetValue<string>();
            versions[id] = (await Api.GetAsync(_client, $"/api/registry/cooperatives/{id}"))["version"]!.GetValue<long>();
        }

        return versions;
    }
}

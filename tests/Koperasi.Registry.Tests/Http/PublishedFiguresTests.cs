using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koperasi.Testing;

namespace Koperasi.Registry.Tests.Http;

/// <summary>A published figure reads back exactly for ever, and its comparison names the koperasi and the late facts that changed it.</summary>
public sealed class PublishedFiguresTests : IAsyncLifetime
{
    private readonly IsolatedRegistryHost _registry = new("published-figures", DateTimeOffset.UtcNow.AddMinutes(10));
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        await _registry.InitializeAsync();
        _client = _registry.CreateClient();
    }

    public ValueTask DisposeAsync() => _registry.DisposeAsync();

    [Fact]
    public async Task A_figure_published_then_changed_by_a_late_rat_reads_back_unchanged_and_the_comparison_names_the_koperasi()
    {
        var late = Api.Registration(name: "Koperasi Terlambat RAT", regency: "1571", decreeDate: "2015-01-05");
        var koperasi = await Api.RegisterAsync(_client, late);
        await Api.RegisterAsync(_client, Api.Registration(regency: "1571", decreeDate: "2016-01-05", rats: Api.Rat(2024, "2025-04-01")));

        using var published = await _client.PostAsJsonAsync("/api/registry/published-figures", new JsonObject
        {
            ["title"] = "Koperasi per kabupaten/kota, 29 Agustus 2025",
            ["groupBy"] = new JsonArray("regency", "activity"),
            ["asOf"] = "2025-08-29",
        });
        published.StatusCode.ShouldBe(HttpStatusCode.Created, await published.Content.ReadAsStringAsync());
        var location = published.Headers.Location!.ToString();
        var figure = await Api.GetAsync(_client, location);
        figure["total"]!.GetValue<long>().ShouldBe(2);
        figure["publishedBy"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        figure["rows"]!.AsArray().Single(r => r!["activity"]!.GetValue<string>() == "tidak-aktif")!["count"]!.GetValue<long>().ShouldBe(1);
        (await Api.GetAsync(_client, "/api/registry/published-figures"))["items"]!.AsArray().ShouldContain(i => i!["id"]!.GetValue<string>() == figure["id"]!.GetValue<string>());
        (await Api.GetAsync(_client, $"{location}/comparison"))["changedCells"]!.AsArray().ShouldBeEmpty();

        // A RAT held in March 2025, recorded now: a late fact about the figure's date.
        using var rat = await Api.ReportRatAsync(_client, koperasi["id"]!, Api.Rat(2024, "2025-03-01", present: 30, total: 60), koperasi["version"]);
        rat.StatusCode.ShouldBe(HttpStatusCode.Created, await rat.Content.ReadAsStringAsync());
        await Eventually.UntilAsync(
            async () => (await Api.GetAsync(_client, "/api/registry/statistics?asOf=2025-08-29"))["aktif"]!.GetValue<long>() == 2, "the late RAT projected");

        (await Api.GetAsync(_client, location)).ToJsonString().ShouldBe(figure.ToJsonString());
        var comparison = await Api.GetAsync(_client, $"{location}/comparison");
        (comparison["frozenTotal"]!.GetValue<long>(), comparison["currentTotal"]!.GetValue<long>()).ShouldBe((2, 2));
        var cells = comparison["changedCells"]!.AsArray();
        var tidakAktif = cells.Single(c => c!["cell"]!["activity"]!.GetValue<string>() == "tidak-aktif")!;
        (tidakAktif["frozenCount"]!.GetValue<long>(), tidakAktif["currentCount"]!.GetValue<long>()).ShouldBe((1, 0));
        var aktif = cells.Single(c => c!["cell"]!["activity"]!.GetValue<string>() == "aktif")!;
        (aktif["frozenCount"]!.GetValue<long>(), aktif["currentCount"]!.GetValue<long>()).ShouldBe((1, 2));
        (aktif["currentMembers"]!.GetValue<long>() - aktif["frozenMembers"]!.GetValue<long>()).ShouldBe(60);
        var fact = aktif["lateFacts"]!.AsArray().ShouldHaveSingleItem()!;
        fact["cooperativeId"]!.GetValue<string>().ShouldBe(koperasi["id"]!.GetValue<string>());
        fact["cooperativeName"]!.GetValue<string>().ShouldBe("Koperasi Terlambat RAT");
        fact["countChange"]!.GetValue<int>().ShouldBe(1);
        fact["businessDate"]!.GetValue<string>().ShouldBe("2025-03-01");
        fact["eventType"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        DateTimeOffset.Parse(fact["recorded"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBeGreaterThan(DateTimeOffset.Parse(figure["knownOn"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));

        // In the tidak aktif cell: the RAT's member count (on the koperasi still tidak aktif that day), then the activity it changed.
        var left = tidakAktif["lateFacts"]!.AsArray();
        left.Sum(f => f!["countChange"]!.GetValue<int>()).ShouldBe(-1);
        left.Sum(f => f!["membersChange"]!.GetValue<long>()).ShouldBe(tidakAktif["currentMembers"]!.GetValue<long>() - tidakAktif["frozenMembers"]!.GetValue<long>());
        left.ShouldContain(f => f!["eventType"]!.GetValue<string>() == "rat-reported" && f["membersChange"]!.GetValue<long>() == 25);
    }

    [Theory]
    [InlineData("""{"asOf":"2025-08-29"}""", "title")]
    [InlineData("""{"title":"Koperasi 2025"}""", "asOf")]
    [InlineData("""{"title":"Koperasi 2025","asOf":"2099-01-01"}""", "asOf")]
    [InlineData("""{"title":"Koperasi 2025","asOf":"2025-08-29","knownOn":"2025-08-29T10:00"}""", "knownOn")]
    [InlineData("""{"title":"Koperasi 2025","asOf":"2025-08-29","groupBy":["colour"]}""", "groupBy")]
    public async Task A_bad_publication_answers_400_naming_the_field_and_stores_nothing(string body, string field)
    {
        using var response = await _client.PostAsync(new Uri("/api/registry/published-figures", UriKind.Relative), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Api.FieldsOf(await Api.ProblemAsync(response)).ShouldContain(field);
        (await Api.GetAsync(_client, "/api/registry/published-figures"))["items"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task An_unknown_figure_is_404()
    {
        using var response = await _client.GetAsync(new Uri($"/api/registry/published-figures/{Guid.NewGuid()}/comparison", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koperasi.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Koperasi.Registry.Tests.Http;

/// <summary>
/// The fixed corpus of malformed requests (<see cref="MalformedRequests"/>) against every endpoint
/// of the Registry's endpoint data source. The write limit is lifted so every request reaches its checks.
/// </summary>
public sealed class MalformedRequestTests : IAsyncLifetime
{
    private readonly CapturedLogs _logs = new();
    private readonly ServiceHost<Program> _registry;

    public MalformedRequestTests() =>
        _registry = new IsolatedRegistryHost("malformed", DateTimeOffset.UtcNow)
            .With("RateLimits:WritesPerMinute", "1000000")
            .WithLogs(_logs);

    public ValueTask InitializeAsync() => _registry.InitializeAsync();

    public ValueTask DisposeAsync() => _registry.DisposeAsync();

    [Fact]
    public Task No_malformed_write_gets_a_server_error_or_stores_anything() =>
        MalformedRequestChecks.WritesAreRefusedAsync(_registry, "registry");

    [Fact]
    public Task No_malformed_query_gets_a_server_error() =>
        MalformedRequestChecks.ReadsAreRefusedAsync(_registry);

    [Fact]
    public async Task The_all_zero_id_on_a_write_answers_404_as_on_a_read()
    {
        var client = _registry.CreateClient();
        var rat = Api.Rat(2025, "2026-03-01");

        using var response = await Api.ReportRatAsync(client, Guid.Empty, rat, version: 1);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Api.ProblemAsync(response))["type"]!.GetValue<string>().ShouldBe("urn:koperasi:problem:not-found");
    }

    [Fact]
    public async Task A_NUL_character_in_the_query_answers_400_naming_the_parameter()
    {
        using var response = await _registry.CreateClient().GetAsync(new Uri("/api/registry/cooperatives?q=%00", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Api.ProblemAsync(response))["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["q"]);
    }

    [Fact]
    public async Task A_binding_error_speaks_of_the_parameter_not_of_dotnet_types()
    {
        using var response = await _registry.CreateClient().GetAsync(new Uri("/api/registry/statistics?asOf=2024-02-30", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await Api.ProblemAsync(response);
        problem["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["asOf"]);
        problem.ToJsonString().ShouldNotContain("Nullable");
        problem.ToJsonString().ShouldNotContain("DateOnly");
    }

    [Fact]
    public async Task A_null_board_member_answers_400_naming_the_board()
    {
        var registration = Api.Registration();
        registration["board"] = new JsonArray((JsonNode?)null);

        using var response = await _registry.CreateClient().PostAsJsonAsync("/api/registry/cooperatives", registration);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Api.ProblemAsync(response))["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["board"]);
    }

    [Theory]
    [InlineData("businessField", "Simpan pinjam, ketua NIK 3571014101900001")]
    [InlineData("name", "Koperasi 081234567890")]
    [InlineData("address.street", "Jl. Sudirman, rek 1234567890")]
    [InlineData("address.kecamatan", "Telanaipura hp +62 813-1234-5678")]
    public async Task Personal_data_in_a_text_answers_422_naming_the_field_and_is_found_nowhere(string field, string text)
    {
        await _registry.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
        await using var probe = await TextNowhere.ProbeContractsAsync(_registry.EntityPrefix, typeof(Koperasi.Contracts.Registry.CooperativeRegistered));
        var registration = Api.Registration();
        var parent = field.Contains('.', StringComparison.Ordinal) ? registration[field.Split('.')[0]]!.AsObject() : registration;
        parent[field.Split('.')[^1]] = text;

        using var response = await _registry.CreateClient().PostAsJsonAsync("/api/registry/cooperatives", registration);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = await Api.ProblemAsync(response);
        (problem["rule"]!.GetValue<string>(), problem["field"]!.GetValue<string>()).ShouldBe(("personal-data-in-text", field));
        (await StoredText.TablesHoldingAsync(TestInfrastructure.TestDatabase("registry"), _registry.Schema, text)).ShouldBeEmpty();

        // A registration without the text is taken and heard on the bus; the refused one was not.
        await Api.RegisterAsync(_registry.CreateClient(), Api.Registration());
        await Eventually.UntilAsync(async () => { await probe.DrainAsync(); return probe.Received.Count > 0; }, "the koperasi registered");
        await TextNowhere.ShouldBeNowhereAsync(_logs, probe, TimeSpan.FromSeconds(1), text, new string([.. text.Where(char.IsAsciiDigit)]));
    }

    [Fact]
    public async Task Personal_data_in_a_changed_address_answers_422_naming_the_field_and_is_found_nowhere()
    {
        const string text = "Jl. Gatot Subroto, NIK 3571 0141 0190 0003";
        await _registry.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
        await using var probe = await TextNowhere.ProbeContractsAsync(_registry.EntityPrefix, typeof(Koperasi.Contracts.Registry.CooperativeRegistered));
        var client = _registry.CreateClient();
        var registration = Api.Registration();
        var koperasi = await Api.RegisterAsync(client, registration);
        var address = registration["address"]!.DeepClone().AsObject();
        address["street"] = text;

        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/registry/cooperatives/{koperasi["id"]}")
        {
            Content = JsonContent.Create(new JsonObject { ["address"] = address }),
        };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{koperasi["version"]}\"");
        using var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, await response.Content.ReadAsStringAsync());
        var problem = await Api.ProblemAsync(response);
        (problem["rule"]!.GetValue<string>(), problem["field"]!.GetValue<string>()).ShouldBe(("personal-data-in-text", "address.street"));
        (await StoredText.TablesHoldingAsync(TestInfrastructure.TestDatabase("registry"), _registry.Schema, text)).ShouldBeEmpty();
        await Eventually.UntilAsync(async () => { await probe.DrainAsync(); return probe.Received.Count > 0; }, "the koperasi registered");
        await TextNowhere.ShouldBeNowhereAsync(_logs, probe, TimeSpan.FromSeconds(1), text, "3571014101900003");
    }
}

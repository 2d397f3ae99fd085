using System.Text.Json.Nodes;
using Koperasi.Testing;
using Koperasi.Transformation.Tests.Domain;
using Registry = Koperasi.Contracts.Registry;

namespace Koperasi.Transformation.Tests.Messaging;

/// <summary>Statistics per year in which the completed transformations took effect, from a projection.</summary>
public class StatisticsTests(TransformationHost host) : IClassFixture<TransformationHost>
{
    private readonly HttpClient _client = host.CreateClient();

    private async Task MergerCompletedAsync(int year, int membersMoved)
    {
        var (survivor, absorbed) = (await RegistryFacts.RegisterAsync(host), await RegistryFacts.RegisterAsync(host));
        var approved = await Walk.ToApprovalAsync(_client, "mergers", Api.Merger(survivor, absorbed), [survivor, absorbed], Walk.In(year));
        await RegistryFacts.PublishAsync(host, RegistryFacts.Merged(Guid.Parse(Api.Text(approved["id"])), survivor, absorbed, membersMoved, 300));
        await Walk.UntilStateAsync(_client, approved, "completed");
    }

    private Task<JsonObject> StatisticsAsync(string query, Func<JsonObject, bool> until) =>
        Eventually.ValueAsync(async () =>
        {
            var statistics = await Api.GetAsync(_client, $"/api/transformation/statistics{query}");
            return until(statistics) ? statistics : null;
        }, $"statistics {query}");

    [Fact]
    public async Task Completed_transformations_count_in_the_year_they_took_effect()
    {
        await MergerCompletedAsync(2022, membersMoved: 64);
        await MergerCompletedAsync(2023, membersMoved: 30);

        var (a, b, c) = (await RegistryFacts.RegisterAsync(host), await RegistryFacts.RegisterAsync(host), await RegistryFacts.RegisterAsync(host));
        var amalgamation = await Walk.ToApprovalAsync(_client, "amalgamations", Api.Amalgamation([a, b, c]), [a, b, c], Walk.In(2023));
        var newId = Guid.Parse(Api.Text(amalgamation["newCooperative"]!["cooperativeId"]));
        await RegistryFacts.PublishAsync(host, Given.Registration(newId, "Koperasi Baru", members: 250, caseId: Guid.Parse(Api.Text(amalgamation["id"]))));
        await Walk.UntilStateAsync(_client, amalgamation, "completed");

        var amended = await RegistryFacts.RegisterAsync(host);
        var amendment = await Walk.ToApprovalAsync(
            _client, "articles-amendments", Api.Amendment(amended, new JsonObject { ["otherArticles"] = "Pasal 7" }), [amended], Walk.In(2023), ratify: false);
        await RegistryFacts.PublishAsync(host, new Registry.CooperativeAmended(
            amended, 3, DateTimeOffset.UtcNow, 2, new DateOnly(2023, 3, 1), Guid.Parse(Api.Text(amendment["id"])), null, null, null, null, null, null, "Pasal 7"));
        await Walk.UntilStateAsync(_client, amendment, "completed");

        var year2023 = (await StatisticsAsync("?year=2023", s => s["years"]![0]!["articlesAmendments"]!.GetValue<int>() == 1))["years"]![0]!;
        Row(year2023).ShouldBe((2023, 1, 1, 1, 4, 280));
        var all = await StatisticsAsync("", s => s["years"]!.AsArray().Count == 2);
        all["years"]!.AsArray().Select(y => y!["year"]!.GetValue<int>()).ShouldBe([2022, 2023]);
        Row(all["years"]![0]!).ShouldBe((2022, 1, 0, 0, 1, 64));
        (all["total"]!["mergers"]!.GetValue<int>(), all["total"]!["membersMoved"]!.GetValue<int>()).ShouldBe((2, 344));
        Row((await Api.GetAsync(_client, "/api/transformation/statistics?year=2019"))["years"]![0]!).ShouldBe((2019, 0, 0, 0, 0, 0));
    }

    private static (int, int, int, int, int, int) Row(JsonNode row) => (
        row["year"]!.GetValue<int>(), row["mergers"]!.GetValue<int>(), row["amalgamations"]!.GetValue<int>(),
        row["articlesAmendments"]!.GetValue<int>(), row["cooperativesAbsorbed"]!.GetValue<int>(), row["membersMoved"]!.GetValue<int>());
}

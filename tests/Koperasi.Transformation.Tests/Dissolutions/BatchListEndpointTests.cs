using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using static Koperasi.Transformation.Tests.Dissolutions.DissolutionApi;

namespace Koperasi.Transformation.Tests.Dissolutions;

/// <summary>The list of ministry batches: each with its status and counts, filtered by status and regency; a bad filter answers 400 naming it.</summary>
public class BatchListEndpointTests(DissolutionHost host) : IClassFixture<DissolutionHost>
{
    private readonly HttpClient _client = host.CreateClient();

    private async Task<JsonObject?> ListedAsync(string query, JsonObject batch)
    {
        var page = await GetAsync(_client, $"{BatchesUrl}?pageSize=200&{query}");
        return page["items"]!.AsArray().Select(i => i!.AsObject()).SingleOrDefault(i => Text(i["id"]) == Text(batch["id"]));
    }

    [Fact]
    public async Task Batches_are_listed_with_their_status_and_counts_and_filtered_by_status_and_regency()
    {
        var kerinci = await RegistryFacts.RegisterAsync(host, regency: "1501");
        var kotaJambi = await RegistryFacts.RegisterAsync(host, regency: "1571");
        var open = await OpenBatchAsync(_client, await AnnouncedAsync(_client, kerinci));
        var approvedCase = await AnnouncedAsync(_client, kotaJambi);
        var answered = await OpenBatchAsync(_client, approvedCase);
        using (var send = await PostAsync(_client, $"{BatchesUrl}/{answered["id"]}/sending", null, Version(answered)))
        {
            send.StatusCode.ShouldBe(HttpStatusCode.OK, await send.Content.ReadAsStringAsync());
        }

        var sent = await DissolutionApi.BatchAsync(_client, answered);
        await StepOkAsync(_client, await CaseAsync(_client, approvedCase), "ministry-notice", new JsonObject { ["number"] = "B-7/KUKM/XI/2026", ["date"] = "2026-11-22" });
        host.Clock.Advance(TimeSpan.FromDays(70));
        var request = new HttpRequestMessage(HttpMethod.Post, $"{BatchesUrl}/{answered["id"]}/answers-file")
        {
            Content = new StringContent($"cooperative_id,answer,decree_number,decree_date\n{kotaJambi},approved,012/KEP/M.KUKM.2/I/2027,2027-01-25\n", Encoding.UTF8, "text/csv"),
        };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{Version(sent)}\"");
        using (var imported = await _client.SendAsync(request))
        {
            imported.StatusCode.ShouldBe(HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        }

        var openItem = (await ListedAsync("status=open", open)).ShouldNotBeNull();
        (Text(openItem["status"]), openItem["proposed"]!.GetValue<int>(), openItem["answered"]!.GetValue<int>(), openItem["sentOn"]).ShouldBe(("open", 1, 0, null));
        (await ListedAsync("status=open", answered)).ShouldBeNull();

        var answeredItem = (await ListedAsync("status=answered", answered)).ShouldNotBeNull();
        Text(answeredItem["status"]).ShouldBe("answered");
        (answeredItem["proposed"]!.GetValue<int>(), answeredItem["answered"]!.GetValue<int>(), answeredItem["approved"]!.GetValue<int>()).ShouldBe((1, 1, 1));
        answeredItem["sentOn"].ShouldNotBeNull();
        answeredItem["answeredOn"].ShouldNotBeNull();
        (await ListedAsync("status=answered", open)).ShouldBeNull();
        (await ListedAsync("status=sent", answered)).ShouldBeNull();

        (await ListedAsync("regency=15.01", open)).ShouldNotBeNull();
        (await ListedAsync("regency=1501", answered)).ShouldBeNull();
        (await ListedAsync("regency=1571", answered)).ShouldNotBeNull();
    }

    [Theory]
    [InlineData("status=closed", "status")]
    [InlineData("regency=9999", "regency")]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=1000", "pageSize")]
    public async Task A_bad_filter_answers_400_naming_the_parameter(string query, string field)
    {
        using var response = await _client.GetAsync(new Uri($"{BatchesUrl}?{query}", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Api.FieldsOf(await Api.ProblemAsync(response)).ShouldContain(field);
    }
}

using System.Net;
using System.Text.Json.Nodes;
using Koperasi.Testing;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Koperasi.Funding.Tests.Http;

/// <summary>
/// Each decree batch is its own document (projected inline from the programme's stream), listed a
/// page at a time; the programme keeps only the counters its decisions need.
/// </summary>
public class DecreeBatchListTests(FundingHost funding) : IClassFixture<FundingHost>
{
    private readonly HttpClient _admin = funding.CreateClient();

    [Fact]
    public async Task A_programme_s_batches_are_listed_newest_first_a_page_at_a_time_and_the_programme_does_not_carry_them()
    {
        var programmeId = Api.Id(await Api.OpenProgrammeAsync(_admin));
        var applications = await Seed.EligibleAsync(funding.Services, programmeId, 3);
        var numbers = new List<string>();
        foreach (var application in applications)
        {
            var batch = Api.Batch(application.ToString());
            numbers.Add(batch["decreeNumber"]!.GetValue<string>());
            using var decreed = await IfMatch.PostAsync(_admin, $"/api/funding/programmes/{programmeId}/decree-batches", batch);
            decreed.StatusCode.ShouldBe(HttpStatusCode.Created, await decreed.Content.ReadAsStringAsync());
        }

        var first = await Api.GetAsync(_admin, $"/api/funding/programmes/{programmeId}/decree-batches?pageSize=2");
        (first["totalCount"]!.GetValue<long>(), first["pageNumber"]!.GetValue<int>(), first["pageSize"]!.GetValue<int>()).ShouldBe((3L, 1, 2));
        var second = await Api.GetAsync(_admin, $"/api/funding/programmes/{programmeId}/decree-batches?pageSize=2&page=2");
        var listed = first["items"]!.AsArray().Concat(second["items"]!.AsArray()).Select(b => b!["decreeNumber"]!.GetValue<string>()).ToList();
        listed.ShouldBe([.. Enumerable.Reverse(numbers)], "one decree date: the last issued first");
        var item = second["items"]!.AsArray().ShouldHaveSingleItem()!;
        (item["recipients"]!.GetValue<int>(), item["amount"]!.GetValue<decimal>(), item["decreeDate"]!.GetValue<string>()).ShouldBe((1, 20_000_000m, "2026-03-10"));

        var programme = await Api.GetAsync(_admin, $"/api/funding/programmes/{programmeId}");
        programme.ContainsKey("batches").ShouldBeFalse();
        programme["decreed"]!["recipients"]!.GetValue<int>().ShouldBe(3);
        await using var session = funding.Services.GetRequiredService<IDocumentStore>().QuerySession();
        (await session.Query<Programmes.Programme>().Where(p => p.Id == Guid.Parse(programmeId)).ToJsonArray()).ShouldNotContain("188.4/");
    }

    [Fact]
    public async Task A_decree_number_already_used_on_the_programme_answers_409_in_any_case_and_decrees_nothing()
    {
        var programmeId = Api.Id(await Api.OpenProgrammeAsync(_admin));
        var applications = await Seed.EligibleAsync(funding.Services, programmeId, 2);
        var url = $"/api/funding/programmes/{programmeId}/decree-batches";
        var batch = Api.Batch(applications[0].ToString());
        using (var decreed = await IfMatch.PostAsync(_admin, url, batch))
        {
            decreed.StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var again = Api.Batch(applications[1].ToString());
        again["decreeNumber"] = batch["decreeNumber"]!.GetValue<string>().ToLowerInvariant();
        using var refused = await IfMatch.PostAsync(_admin, url, again);

        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Api.ProblemAsync(refused))["rule"]!.GetValue<string>().ShouldBe("decree-number-already-used");
        (await Api.GetAsync(_admin, $"/api/funding/programmes/{programmeId}"))["decreed"]!["recipients"]!.GetValue<int>().ShouldBe(1);
    }

    [Theory]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=201", "pageSize")]
    [InlineData("page=0", "page")]
    public async Task A_bad_page_answers_400_naming_it(string query, string field)
    {
        var programmeId = Api.Id(await Api.OpenProgrammeAsync(_admin));
        using var response = await _admin.GetAsync(new Uri($"/api/funding/programmes/{programmeId}/decree-batches?{query}", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Api.FieldsOf(await Api.ProblemAsync(response)).ShouldContain(field);
    }

    [Fact]
    public async Task An_unknown_programme_answers_404()
    {
        using var response = await _admin.GetAsync(new Uri($"/api/funding/programmes/{Guid.NewGuid()}/decree-batches", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_programme_document_stored_with_its_batches_before_they_moved_out_still_loads_and_decrees()
    {
        var programmeId = Api.Id(await Api.OpenProgrammeAsync(_admin));
        var applications = await Seed.EligibleAsync(funding.Services, programmeId, 1);
        var store = funding.Services.GetRequiredService<IDocumentStore>();
        var stored = new JsonArray(new JsonObject
        {
            ["batchId"] = Guid.NewGuid(), ["decreeNumber"] = "188.4/LAMA/KPTS/2026", ["decreeDate"] = "2026-03-01", ["recipients"] = 4, ["amount"] = 80_000_000,
        });
        await using (var session = store.LightweightSession())
        {
            session.QueueSqlCommand(
                $"update {store.Options.DatabaseSchemaName}.mt_doc_programme set data = jsonb_set(data, '{{batches}}', ?::jsonb) where id = ?",
                stored.ToJsonString(), Guid.Parse(programmeId));
            await session.SaveChangesAsync();
        }

        (await Api.GetAsync(_admin, $"/api/funding/programmes/{programmeId}"))["name"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        using var decreed = await IfMatch.PostAsync(_admin, $"/api/funding/programmes/{programmeId}/decree-batches", Api.Batch(applications[0].ToString()));
        decreed.StatusCode.ShouldBe(HttpStatusCode.Created, await decreed.Content.ReadAsStringAsync());
    }
}

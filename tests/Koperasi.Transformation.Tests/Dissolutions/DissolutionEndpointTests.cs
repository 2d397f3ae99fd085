using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static Koperasi.Transformation.Tests.Dissolutions.DissolutionApi;

namespace Koperasi.Transformation.Tests.Dissolutions;

/// <summary>Dissolution cases over HTTP: bad input answers 4xx naming the field and stores nothing; the claim is exclusive with transformations both ways; steps need If-Match.</summary>
public class DissolutionEndpointTests(TransformationHost host) : IClassFixture<TransformationHost>
{
    private readonly HttpClient _client = host.CreateClient();

    private async Task<long> CountAsync() => (await GetAsync(_client, $"{CasesUrl}?pageSize=200"))["totalCount"]!.GetValue<long>();

    [Theory]
    [InlineData("""{"cooperativeId":"00000000-0000-0000-0000-000000000000","grounds":[{"kind":"no-rat","evidence":"BA 1"}]}""", "cooperativeId")]
    [InlineData("""{"cooperativeId":"COOP","grounds":[]}""", "grounds")]
    [InlineData("""{"cooperativeId":"COOP","grounds":[{"kind":"no-rat","evidence":"  "}]}""", "grounds[0].evidence")]
    [InlineData("""{"cooperativeId":"COOP","grounds":[{"kind":"no-rat","evidence":"BA 1"}],"proposedOn":"1900-01-01"}""", "proposedOn")]
    public async Task A_bad_government_proposal_answers_400_naming_the_field_and_opens_nothing(string body, string field)
    {
        var cooperative = await RegistryFacts.RegisterAsync(host);
        var before = await CountAsync();

        using var response = await _client.PostAsync($"{CasesUrl}/government", new StringContent(body.Replace("COOP", cooperative.ToString()), System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Api.FieldsOf(await Api.ProblemAsync(response)).ShouldContain(field);
        (await CountAsync()).ShouldBe(before);
        await Api.ProposeAsync(_client, "articles-amendments", Api.Amendment(cooperative, new JsonObject { ["otherArticles"] = "Pasal 5 diubah." }));
    }

    [Fact]
    public async Task A_ground_contradicted_by_the_register_answers_422_and_opens_nothing()
    {
        var cooperative = await RegistryFacts.RegisterAsync(host);
        var body = Government(cooperative);
        body["grounds"]![0]!["kind"] = "no-business";

        using var response = await _client.PostAsJsonAsync($"{CasesUrl}/government", body);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = await Api.ProblemAsync(response);
        (Text(problem["rule"]), Text(problem["field"])).ShouldBe(("no-business-ground-needs-since", "grounds[0].since"));
        await ProposeAsync(_client, "government", Government(cooperative));
    }

    [Fact]
    public async Task A_koperasi_in_a_merger_cannot_be_proposed_for_dissolution()
    {
        var survivor = await RegistryFacts.RegisterAsync(host);
        var absorbed = await RegistryFacts.RegisterAsync(host);
        await Api.ProposeAsync(_client, "mergers", Api.Merger(survivor, absorbed));

        using var response = await _client.PostAsJsonAsync($"{CasesUrl}/government", Government(absorbed));

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await Api.ProblemAsync(response);
        (Text(problem["rule"]), Text(problem["field"])).ShouldBe(("cooperative-in-open-case", "cooperativeId"));
    }

    [Fact]
    public async Task A_koperasi_being_dissolved_cannot_take_part_in_a_merger_until_the_case_is_withdrawn()
    {
        var dissolving = await RegistryFacts.RegisterAsync(host);
        var other = await RegistryFacts.RegisterAsync(host);
        var proposed = await ProposeAsync(_client, "members-meeting", Members(dissolving));

        using (var refused = await _client.PostAsJsonAsync($"{Api.Cases}/mergers", Api.Merger(other, dissolving)))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            Text((await Api.ProblemAsync(refused))["rule"]).ShouldBe("cooperative-in-open-case");
        }

        using (var again = await _client.PostAsJsonAsync($"{CasesUrl}/government", Government(dissolving)))
        {
            again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        }

        var withdrawn = await StepOkAsync(_client, proposed, "withdrawal", new JsonObject { ["reason"] = "Rapat anggota memilih melanjutkan usaha." });
        Text(withdrawn["stage"]).ShouldBe("withdrawn");
        await Api.ProposeAsync(_client, "mergers", Api.Merger(other, dissolving));
    }

    [Fact]
    public async Task A_step_without_If_Match_answers_428_and_a_stale_one_409_and_neither_records()
    {
        var proposed = await ProposeAsync(_client, "government", Government(await RegistryFacts.RegisterAsync(host)));
        var body = new JsonObject { ["announcedOn"] = "2026-03-16" };

        using var missing = await PostAsync(_client, $"{CasesUrl}/{proposed["id"]}/withdrawal", new JsonObject { ["reason"] = "Salah input." }, null);
        using var stale = await PostAsync(_client, $"{CasesUrl}/{proposed["id"]}/withdrawal", new JsonObject { ["reason"] = "Salah input." }, 7);
        using var outOfOrder = await PostAsync(_client, $"{CasesUrl}/{proposed["id"]}/announcement", body, Version(proposed));

        (missing.StatusCode, stale.StatusCode, outOfOrder.StatusCode).ShouldBe((HttpStatusCode.PreconditionRequired, HttpStatusCode.Conflict, HttpStatusCode.Conflict));
        var unchanged = await CaseAsync(_client, proposed);
        (Version(unchanged), Text(unchanged["stage"])).ShouldBe((1L, "proposed"));
    }

    [Fact]
    public async Task Personal_data_in_a_free_text_is_refused_without_repeating_it()
    {
        var proposed = await ProposeAsync(_client, "members-meeting", Members(await RegistryFacts.RegisterAsync(host)));

        using var response = await PostAsync(_client, $"{CasesUrl}/{proposed["id"]}/withdrawal", new JsonObject { ["reason"] = "Hubungi ketua 081234567890" }, Version(proposed));

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("081234567890");
        Text((await CaseAsync(_client, proposed))["stage"]).ShouldBe("proposed");
    }

    [Fact]
    public async Task The_members_path_decides_at_a_quorate_meeting()
    {
        var cooperative = await RegistryFacts.RegisterAsync(host, members: 100);
        var proposed = await ProposeAsync(_client, "members-meeting", Members(cooperative));

        var called = await StepOkAsync(_client, proposed, "meeting-invitation", new JsonObject { ["sentOn"] = "2026-06-05", ["meetingOn"] = "2026-06-20" });
        var decided = await StepOkAsync(_client, called, "meeting", new JsonObject
        {
            ["cooperativeId"] = cooperative, ["heldOn"] = "2026-06-20", ["membersPresent"] = 80, ["membersTotal"] = 100, ["votesFor"] = 60, ["votesAgainst"] = 10,
        });

        (Text(called["stage"]), Text(decided["stage"]), Version(decided)).ShouldBe(("meeting-called", "decided", 4L));
    }

    [Fact]
    public async Task The_deadlines_show_an_overdue_step_in_its_regency_only()
    {
        var cooperative = await RegistryFacts.RegisterAsync(host, regency: "1505");
        var announced = await AnnouncedAsync(_client, cooperative);

        var all = await GetAsync(_client, $"{CasesUrl}/deadlines?regency=1505");
        var elsewhere = await GetAsync(_client, $"{CasesUrl}/deadlines?regency=1509");
        using var bad = await _client.GetAsync(new Uri($"{CasesUrl}/deadlines?regency=99x", UriKind.Relative));

        Text(all["asOf"]).ShouldBe("2026-11-22");
        var regency = all["regencies"]!.AsArray().ShouldHaveSingleItem()!;
        Text(regency["regencyCode"]).ShouldBe("1505");
        regency["overdue"]!.AsArray().Concat(regency["dueThisWeek"]!.AsArray()).ShouldContain(s => Text(s!["caseId"]) == Text(announced["id"]));
        elsewhere["regencies"]!.AsArray().ShouldBeEmpty();
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_koperasi_found_aktif_again_flags_its_case_revived_keeps_it_out_of_batches_and_lets_it_be_withdrawn()
    {
        var cooperative = await RegistryFacts.RegisterAsync(host);
        var announced = await AnnouncedAsync(_client, cooperative);
        var messageId = Guid.NewGuid();

        await RegistryFacts.PublishAsync(host, new Koperasi.Contracts.Registry.CooperativeActivityChanged(
            cooperative, 5, DateTimeOffset.UtcNow, "tidak-aktif", "aktif", new DateOnly(2026, 11, 2), "RAT 2025 held"), messageId);
        await host.Deliveries.HandledAsync(messageId);

        var revived = await CaseAsync(_client, announced);
        (Text(revived["revivedOn"]), Version(revived)).ShouldBe(("2026-11-02", Version(announced) + 1));
        using var batch = await _client.PostAsJsonAsync(BatchesUrl, new JsonObject
        {
            ["title"] = "Usulan", ["caseIds"] = new JsonArray(JsonValue.Create(announced["id"]!.GetValue<Guid>())),
        });
        batch.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        Text((await Api.ProblemAsync(batch))["rule"]).ShouldBe("cooperative-revived");
        Text((await StepOkAsync(_client, revived, "withdrawal", new JsonObject { ["reason"] = "Koperasi kembali aktif." }))["stage"]).ShouldBe("withdrawn");
    }
}

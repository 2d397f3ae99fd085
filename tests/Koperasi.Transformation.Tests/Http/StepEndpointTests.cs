using System.Net;
using System.Text.Json.Nodes;

namespace Koperasi.Transformation.Tests.Http;

/// <summary>The steps of a case over HTTP: each needs If-Match, answers the case with its new ETag, and names the rule it breaks.</summary>
public class StepEndpointTests(TransformationHost host) : IClassFixture<TransformationHost>
{
    private readonly HttpClient _client = host.CreateClient();

    private async Task<(JsonObject Case, Guid Survivor, Guid Absorbed)> ProposedMergerAsync()
    {
        var survivor = await RegistryFacts.RegisterAsync(host, "Koperasi Maju Bersama");
        var absorbed = await RegistryFacts.RegisterAsync(host, "Koperasi Tani Makmur");
        return (await Api.ProposeAsync(_client, "mergers", Api.Merger(survivor, absorbed)), survivor, absorbed);
    }

    [Fact]
    public async Task Meetings_deed_and_ratification_walk_a_merger_to_approval()
    {
        var (proposed, survivor, absorbed) = await ProposedMergerAsync();

        var afterFirst = await Api.StepOkAsync(_client, proposed, "meetings", Api.Meeting(survivor));
        var afterSecond = await Api.StepOkAsync(_client, afterFirst, "meetings", Api.Meeting(absorbed));
        var deeded = await Api.StepOkAsync(_client, afterSecond, "deed", Api.Deed());
        var approved = await Api.StepOkAsync(_client, deeded, "ratification", Api.Ratification());

        (Api.Text(afterSecond["state"]), Api.Text(deeded["state"]), Api.Text(approved["state"])).ShouldBe(("awaiting-deed", "awaiting-ratification", "approved"));
        (Api.Text(approved["effectiveOn"]), approved["version"]!.GetValue<long>(), Api.Text(approved["awaiting"])).ShouldBe(("2026-10-15", 6L, "Application in the register"));
        var timeline = (await Api.CaseAsync(_client, approved))["timeline"]!.AsArray();
        timeline.Select(e => Api.Text(e!["type"])).ShouldBe(
            ["merger-proposed", "members-meeting-recorded", "members-meeting-recorded", "notarial-deed-recorded", "ratification-recorded", "merger-approved"]);
    }

    [Fact]
    public async Task A_meeting_without_quorum_rejects_the_case_and_frees_its_participants()
    {
        var (proposed, survivor, absorbed) = await ProposedMergerAsync();

        var rejected = await Api.StepOkAsync(_client, proposed, "meetings", Api.Meeting(absorbed, present: 40, total: 100, votesFor: 40, against: 0));

        (Api.Text(rejected["state"]), Api.Text(rejected["rejection"]!["rule"])).ShouldBe(("rejected", "quorum-not-met"));
        Api.Text(rejected["rejection"]!["reason"]).ShouldBe("The members' meeting of Koperasi Tani Makmur was attended by 40 of 100 members; the quorum of 3/4 was not met.");
        rejected["awaiting"].ShouldBeNull();
        var other = await RegistryFacts.RegisterAsync(host);
        await Api.ProposeAsync(_client, "mergers", Api.Merger(survivor, other));
    }

    [Fact]
    public async Task A_meeting_counting_fewer_members_than_the_register_answers_422_naming_both_and_records_nothing()
    {
        var survivor = await RegistryFacts.RegisterAsync(host, "Koperasi Maju Bersama", members: 85);
        var absorbed = await RegistryFacts.RegisterAsync(host, "Koperasi Tani Makmur");
        var proposed = await Api.ProposeAsync(_client, "mergers", Api.Merger(survivor, absorbed));

        using var response = await Api.StepAsync(_client, proposed, "meetings", Api.Meeting(survivor, present: 3, total: 4, votesFor: 3, against: 0));

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = await Api.ProblemAsync(response);
        (Api.Text(problem["rule"]), Api.Text(problem["field"])).ShouldBe(("members-total-below-register", "membersTotal"));
        Api.Text(problem["detail"]).ShouldContain("4");
        Api.Text(problem["detail"]).ShouldContain("85");
        var unchanged = await Api.CaseAsync(_client, proposed);
        (unchanged["version"]!.GetValue<long>(), Api.Text(unchanged["state"])).ShouldBe((proposed["version"]!.GetValue<long>(), "proposed"));
    }

    [Fact]
    public async Task A_withdrawn_case_frees_its_participants_and_takes_no_more_steps()
    {
        var (proposed, survivor, absorbed) = await ProposedMergerAsync();

        var withdrawn = await Api.StepOkAsync(_client, proposed, "withdrawal", new JsonObject { ["reason"] = "Rapat pengurus menunda rencana." });
        using var late = await Api.StepAsync(_client, withdrawn, "meetings", Api.Meeting(survivor));

        (Api.Text(withdrawn["state"]), Api.Text(withdrawn["withdrawalReason"])).ShouldBe(("withdrawn", "Rapat pengurus menunda rencana."));
        late.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        Api.Text((await Api.ProblemAsync(late))["rule"]).ShouldBe("case-closed");
        await Api.ProposeAsync(_client, "mergers", Api.Merger(absorbed, survivor));
    }

    [Theory]
    [InlineData("deed", 409, "deed-before-meetings")]
    [InlineData("ratification", 409, "ratification-before-deed")]
    public async Task A_step_out_of_order_names_its_rule_and_changes_nothing(string step, int status, string rule)
    {
        var (proposed, _, _) = await ProposedMergerAsync();

        using var response = await Api.StepAsync(_client, proposed, step, step == "deed" ? Api.Deed() : Api.Ratification());

        ((int)response.StatusCode).ShouldBe(status);
        Api.Text((await Api.ProblemAsync(response))["rule"]).ShouldBe(rule);
        (await Api.CaseAsync(_client, proposed))["version"]!.GetValue<long>().ShouldBe(1);
    }

    [Fact]
    public async Task A_meeting_before_the_proposal_answers_422_naming_heldOn()
    {
        var (proposed, survivor, _) = await ProposedMergerAsync();

        using var response = await Api.StepAsync(_client, proposed, "meetings", Api.Meeting(survivor, heldOn: "2026-05-31"));

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = await Api.ProblemAsync(response);
        (Api.Text(problem["rule"]), Api.Text(problem["field"])).ShouldBe(("meeting-before-proposal", "heldOn"));
    }

    [Fact]
    public async Task A_change_without_If_Match_answers_428_and_a_stale_one_409()
    {
        var (proposed, survivor, absorbed) = await ProposedMergerAsync();
        var current = await Api.StepOkAsync(_client, proposed, "meetings", Api.Meeting(survivor));

        using var withoutHeader = await _client.PostAsync(
            new Uri($"{Api.Cases}/{proposed["id"]}/meetings", UriKind.Relative), System.Net.Http.Json.JsonContent.Create(Api.Meeting(absorbed)));
        using var stale = await Api.StepAsync(_client, proposed, "meetings", Api.Meeting(absorbed), version: 1);

        withoutHeader.StatusCode.ShouldBe(HttpStatusCode.PreconditionRequired);
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await Api.ProblemAsync(stale);
        (Api.Text(problem["rule"]), Api.Text(problem["field"])).ShouldBe(("concurrency-conflict", "If-Match"));
        (await Api.CaseAsync(_client, proposed))["version"]!.GetValue<long>().ShouldBe(current["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task An_unknown_case_answers_404()
    {
        using var response = await Api.StepAsync(_client, new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["version"] = 1L }, "deed", Api.Deed());
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Api.ProblemAsync(response))["type"]!.GetValue<string>().ShouldBe("urn:koperasi:problem:not-found");
    }
}

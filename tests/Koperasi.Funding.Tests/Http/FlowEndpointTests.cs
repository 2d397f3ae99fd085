using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koperasi.Testing;

namespace Koperasi.Funding.Tests.Http;

/// <summary>One application through every step over HTTP, and each step refused out of order.</summary>
public class FlowEndpointTests(FundingHost funding) : IClassFixture<FundingHost>
{
    private readonly HttpClient _admin = funding.CreateClient();

    private async Task<(string Programme, string Application)> SubmittedAsync()
    {
        var programmeId = Api.Id(await Api.OpenProgrammeAsync(_admin));
        return (programmeId, Api.Id(await Api.SubmitAsync(_admin, Api.Application(programmeId))));
    }

    private async Task<long> VersionOfAsync(string id) =>
        (await Api.GetAsync(_admin, $"/api/funding/applications/{id}"))["version"]!.GetValue<long>();

    private async Task ShouldBeRefusedAsync(string id, string step, JsonObject body, string rule)
    {
        var before = await VersionOfAsync(id);
        using var response = await IfMatch.PostAsync(_admin, $"/api/funding/applications/{id}/{step}", body);
        response.StatusCode.ShouldBeOneOf(HttpStatusCode.Conflict, HttpStatusCode.UnprocessableEntity);
        (await Api.ProblemAsync(response))["rule"]!.GetValue<string>().ShouldBe(rule, step);
        (await VersionOfAsync(id)).ShouldBe(before);
    }

    [Fact]
    public async Task An_application_walks_from_submission_to_closure()
    {
        var (programmeId, id) = await SubmittedAsync();

        (await Api.StepAsync(_admin, id, "documents-check", Api.Documents()))["status"]!.GetValue<string>().ShouldBe("documents-checked");
        (await Api.StepAsync(_admin, id, "field-verification", Api.FieldVisit()))["fieldVerification"]!["verifiedBy"]!.GetValue<string>().ShouldBe("test-admin-provinsi");
        (await Api.StepAsync(_admin, id, "eligibility", Api.Eligibility()))["status"]!.GetValue<string>().ShouldBe("eligible");

        using var batch = await IfMatch.PostAsync(_admin, $"/api/funding/programmes/{programmeId}/decree-batches", Api.Batch(id));
        batch.StatusCode.ShouldBe(HttpStatusCode.Created, await batch.Content.ReadAsStringAsync());
        var decreed = await Api.GetAsync(_admin, $"/api/funding/applications/{id}");
        (decreed["status"]!.GetValue<string>(), decreed["decree"]!["amount"]!.GetValue<decimal>()).ShouldBe(("decreed", 20_000_000m));

        await Disbursements.PayAsync(_admin, id);
        (await Api.StepAsync(_admin, id, "monitoring-visits", Api.Visit()))["visits"]!.AsArray().Count.ShouldBe(1);
        var closed = await Api.StepAsync(_admin, id, "closure", new JsonObject { ["notes"] = "Usaha berkembang" });

        closed["status"]!.GetValue<string>().ShouldBe("closed");
        using var history = await _admin.GetAsync(new Uri($"/api/funding/applications/{id}/history", UriKind.Relative));
        var types = JsonNode.Parse(await history.Content.ReadAsStringAsync())!.AsArray().Select(e => e!["type"]!.GetValue<string>());
        types.ShouldBe(["application-submitted", "documents-checked", "field-verified", "application-found-eligible", "grant-decreed",
            "disbursement-requested", "grant-disbursed", "monitoring-visit-recorded", "application-closed"]);
    }

    [Fact]
    public async Task Every_step_out_of_order_is_refused_and_changes_nothing()
    {
        var (_, id) = await SubmittedAsync();
        await ShouldBeRefusedAsync(id, "field-verification", Api.FieldVisit(), "wrong-stage");
        await ShouldBeRefusedAsync(id, "eligibility", Api.Eligibility(), "wrong-stage");
        await ShouldBeRefusedAsync(id, "monitoring-visits", Api.Visit(), "wrong-stage");
        await ShouldBeRefusedAsync(id, "closure", [], "wrong-stage");

        await Api.StepAsync(_admin, id, "documents-check", Api.Documents());
        await ShouldBeRefusedAsync(id, "documents-check", Api.Documents(), "wrong-stage");
        await ShouldBeRefusedAsync(id, "field-verification", Api.FieldVisit(visitedOn: "2026-03-11"), "date-out-of-range");
    }

    [Fact]
    public async Task An_officer_cannot_declare_eligible_what_the_field_found_refused()
    {
        var (_, id) = await SubmittedAsync();
        await Api.StepAsync(_admin, id, "documents-check", Api.Documents());
        await Api.StepAsync(_admin, id, "field-verification", Api.FieldVisit(kurDebtorFound: true));

        using var eligible = await IfMatch.PostAsync(_admin, $"/api/funding/applications/{id}/eligibility", Api.Eligibility());
        eligible.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = await Api.ProblemAsync(eligible);
        problem["rule"]!.GetValue<string>().ShouldBe("eligibility-rules-refuse");
        problem["rules"]![0]!["rule"]!.GetValue<string>().ShouldBe("kur-debtor");

        var decided = await Api.StepAsync(_admin, id, "eligibility", new JsonObject { ["eligible"] = false, ["reasons"] = new JsonArray("Pinjaman KUR aktif di bank") });
        decided["eligibility"]!["reasons"]!.AsArray().Select(r => r!["rule"]!.GetValue<string>()).ShouldBe(["kur-debtor", "officer-finding"]);
        decided["status"]!.GetValue<string>().ShouldBe("not-eligible");
    }

    [Fact]
    public async Task A_stale_If_Match_on_a_step_answers_409()
    {
        var (_, id) = await SubmittedAsync();
        await Api.StepAsync(_admin, id, "documents-check", Api.Documents());
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/funding/applications/{id}/field-verification") { Content = JsonContent.Create(Api.FieldVisit()) };
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");

        using var response = await _admin.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await VersionOfAsync(id)).ShouldBe(2);
    }

    [Theory]
    [InlineData("documents-check")]
    [InlineData("field-verification")]
    [InlineData("eligibility")]
    [InlineData("disbursement")]
    [InlineData("disbursement/retry")]
    [InlineData("monitoring-visits")]
    [InlineData("closure")]
    [InlineData("cancellation")]
    public async Task A_step_without_If_Match_answers_428_and_changes_nothing(string step)
    {
        var (_, id) = await SubmittedAsync();
        var before = await VersionOfAsync(id);
        var body = step switch
        {
            "documents-check" => Api.Documents(),
            "field-verification" => Api.FieldVisit(),
            "eligibility" => Api.Eligibility(),
            "disbursement" => new JsonObject { ["bankCode"] = "002", ["accountNumber"] = "7300000001", ["accountHolder"] = "Siti Rahmawati" },
            "monitoring-visits" => Api.Visit(),
            "closure" => new JsonObject { ["notes"] = "Usaha berkembang" },
            "cancellation" => new JsonObject { ["reason"] = "Pemohon pindah domisili" },
            _ => [],
        };

        using var response = await _admin.PostAsJsonAsync($"/api/funding/applications/{id}/{step}", body);

        response.StatusCode.ShouldBe(HttpStatusCode.PreconditionRequired);
        (await Api.ProblemAsync(response))["rule"]!.GetValue<string>().ShouldBe("if-match-required");
        (await VersionOfAsync(id)).ShouldBe(before);
    }

    [Fact]
    public async Task A_decree_batch_without_If_Match_answers_428_and_decrees_nothing()
    {
        var programmeId = Api.Id(await Api.OpenProgrammeAsync(_admin));
        var id = await Api.EligibleAsync(_admin, Api.Application(programmeId));

        using var batch = await _admin.PostAsJsonAsync($"/api/funding/programmes/{programmeId}/decree-batches", Api.Batch(id));

        batch.StatusCode.ShouldBe(HttpStatusCode.PreconditionRequired);
        (await Api.ProblemAsync(batch))["rule"]!.GetValue<string>().ShouldBe("if-match-required");
        (await Api.GetAsync(_admin, $"/api/funding/applications/{id}"))["status"]!.GetValue<string>().ShouldBe("eligible");
        (await Api.GetAsync(_admin, $"/api/funding/programmes/{programmeId}"))["decreed"]!["recipients"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task Cancelling_a_decreed_grant_gives_back_the_budget_and_lets_the_person_apply_again()
    {
        var programme = await Api.OpenProgrammeAsync(_admin, Api.Programme(budget: 20_000_000));
        var programmeId = Api.Id(programme);
        var nik = Api.Nik();
        var id = await Api.EligibleAsync(_admin, Api.Application(programmeId, nik));
        using var batch = await IfMatch.PostAsync(_admin, $"/api/funding/programmes/{programmeId}/decree-batches", Api.Batch(id));
        batch.StatusCode.ShouldBe(HttpStatusCode.Created);

        using var noReason = await IfMatch.PostAsync(_admin, $"/api/funding/applications/{id}/cancellation", new JsonObject { ["reason"] = " " });
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var cancelled = await Api.StepAsync(_admin, id, "cancellation", new JsonObject { ["reason"] = "Pemohon meninggal dunia" });

        cancelled["cancellation"]!["reason"]!.GetValue<string>().ShouldBe("Pemohon meninggal dunia");
        var after = await Api.GetAsync(_admin, $"/api/funding/programmes/{programmeId}");
        (after["decreed"]!["recipients"]!.GetValue<int>(), after["decreed"]!["remainingBudget"]!.GetValue<decimal>()).ShouldBe((0, 20_000_000m));
        var again = await Api.EligibleAsync(_admin, Api.Application(programmeId, nik));
        using var second = await IfMatch.PostAsync(_admin, $"/api/funding/programmes/{programmeId}/decree-batches", Api.Batch(again));
        second.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task After_disbursement_nothing_is_cancelled()
    {
        var programmeId = Api.Id(await Api.OpenProgrammeAsync(_admin));
        var id = await Api.EligibleAsync(_admin, Api.Application(programmeId));
        using var batch = await IfMatch.PostAsync(_admin, $"/api/funding/programmes/{programmeId}/decree-batches", Api.Batch(id));
        await Disbursements.PayAsync(_admin, id);

        await ShouldBeRefusedAsync(id, "cancellation", new JsonObject { ["reason"] = "Terlambat" }, "wrong-stage");
    }

    [Fact]
    public async Task Unknown_applications_answer_404()
    {
        using var response = await IfMatch.PostAsync(_admin, $"/api/funding/applications/{Guid.NewGuid()}/documents-check", Api.Documents());
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var get = await _admin.GetAsync(new Uri($"/api/funding/applications/{Guid.NewGuid()}", UriKind.Relative));
        get.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koperasi.ServiceDefaults.Identity;
using Koperasi.Testing;

namespace Koperasi.Funding.Tests.Bank;

/// <summary>Ordering a grant's disbursement and retrying it over HTTP: bad input, wrong stages, and the account kept in the vault only.</summary>
public class DisbursementEndpointTests(FundingHost funding) : IClassFixture<FundingHost>
{
    private readonly HttpClient _admin = funding.CreateClient();

    private async Task<string> DecreedAsync()
    {
        var programmeId = Api.Id(await Api.OpenProgrammeAsync(_admin));
        var id = await Api.EligibleAsync(_admin, Api.Application(programmeId));
        using var batch = await IfMatch.PostAsync(_admin, $"/api/funding/programmes/{programmeId}/decree-batches", Api.Batch(id));
        batch.StatusCode.ShouldBe(HttpStatusCode.Created, await batch.Content.ReadAsStringAsync());
        return id;
    }

    private async Task<long> VersionOfAsync(string id) =>
        (await Api.GetAsync(_admin, $"/api/funding/applications/{id}"))["version"]!.GetValue<long>();

    [Theory]
    [InlineData("bankCode", "02")]
    [InlineData("bankCode", "BRI")]
    [InlineData("accountNumber", "12345")]
    [InlineData("accountNumber", "12-3456-7890")]
    [InlineData("accountHolder", " ")]
    public async Task A_malformed_account_answers_400_naming_the_field_and_changes_nothing(string field, string value)
    {
        var id = await DecreedAsync();
        var before = await VersionOfAsync(id);
        var account = Disbursements.Account();
        account[field] = value;

        using var response = await IfMatch.PostAsync(_admin, $"/api/funding/applications/{id}/disbursement", account);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Api.FieldsOf(await Api.ProblemAsync(response)).ShouldBe([field]);
        (await VersionOfAsync(id)).ShouldBe(before);
    }

    [Fact]
    public async Task A_missing_account_field_answers_400_naming_it()
    {
        var id = await DecreedAsync();
        using var response = await IfMatch.PostAsync(_admin, $"/api/funding/applications/{id}/disbursement", new JsonObject { ["bankCode"] = "002", ["accountHolder"] = "Siti" });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Api.FieldsOf(await Api.ProblemAsync(response)).ShouldContain("accountNumber");
    }

    [Fact]
    public async Task A_decreed_grant_is_paid_into_the_account_kept_in_the_vault_and_nowhere_else()
    {
        var id = await DecreedAsync();
        var account = Disbursements.Account();
        var ordered = await Api.StepAsync(funding.CreateClientAs(KoperasiRoles.Verifikator), id, "disbursement", account);
        ordered["status"]!.GetValue<string>().ShouldBe("disbursement-requested");

        var paid = await Disbursements.StatusAsync(_admin, id, "disbursed");

        var disbursement = paid["disbursement"]!;
        var transfer = SharedBank.Server.Ledger.Find(disbursement["disbursementId"]!.GetValue<string>()).ShouldNotBeNull();
        (disbursement["transferReference"]!.GetValue<string>(), disbursement["amount"]!.GetValue<decimal>(), disbursement["disbursedOn"]!.GetValue<string>())
            .ShouldBe((transfer.Reference, transfer.Amount, "2026-03-10"));
        transfer.Beneficiary.AccountNumber.ShouldBe(account["accountNumber"]!.GetValue<string>());
        transfer.Remark!.ShouldContain(id);

        using var reveal = await _admin.PostAsJsonAsync($"/api/funding/applications/{id}/applicant/reveal", new JsonObject { ["purpose"] = "Cek rekening" });
        var record = (await reveal.Content.ReadFromJsonAsync<JsonObject>())!;
        record["bankAccount"]!.ToJsonString().ShouldBe(account.ToJsonString());
        record["nik"].ShouldNotBeNull();

        using var history = await _admin.GetAsync(new Uri($"/api/funding/applications/{id}/history", UriKind.Relative));
        (await history.Content.ReadAsStringAsync()).ShouldNotContain(account["accountNumber"]!.GetValue<string>());
        paid.ToJsonString().ShouldNotContain(account["accountNumber"]!.GetValue<string>());
    }

    [Fact]
    public async Task Only_a_decreed_grant_is_ordered_and_only_once()
    {
        var programmeId = Api.Id(await Api.OpenProgrammeAsync(_admin));
        var eligible = await Api.EligibleAsync(_admin, Api.Application(programmeId));
        using var early = await IfMatch.PostAsync(_admin, $"/api/funding/applications/{eligible}/disbursement", Disbursements.Account());
        early.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Api.ProblemAsync(early))["rule"]!.GetValue<string>().ShouldBe("wrong-stage");

        var decreed = await DecreedAsync();
        // Waits for the bank's outcome: the processor appends it, and a second order read before
        // that would meet a concurrency conflict (ADR 0013) rather than the stage rule.
        await Disbursements.PayAsync(_admin, decreed);
        using var again = await IfMatch.PostAsync(_admin, $"/api/funding/applications/{decreed}/disbursement", Disbursements.Account());
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Api.ProblemAsync(again))["rule"]!.GetValue<string>().ShouldBe("wrong-stage");
    }

    [Fact]
    public async Task Only_a_failed_disbursement_is_retried()
    {
        var decreed = await DecreedAsync();
        using var retry = await IfMatch.PostAsync(_admin, $"/api/funding/applications/{decreed}/disbursement/retry", null);
        retry.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Api.ProblemAsync(retry))["rule"]!.GetValue<string>().ShouldBe("wrong-stage");

        using var unknown = await IfMatch.PostAsync(_admin, $"/api/funding/applications/{Guid.NewGuid()}/disbursement/retry", null);
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_erased_applicant_s_grant_is_not_ordered()
    {
        var id = await DecreedAsync();
        var applicantId = (await Api.GetAsync(_admin, $"/api/funding/applications/{id}"))["applicant"]!["id"]!.GetValue<string>();
        using var erased = await _admin.PostAsJsonAsync($"/api/funding/applicants/{applicantId}/erasure", new JsonObject { ["reason"] = "Permintaan pemohon" });
        erased.StatusCode.ShouldBe(HttpStatusCode.OK);
        var before = await VersionOfAsync(id);

        using var response = await IfMatch.PostAsync(_admin, $"/api/funding/applications/{id}/disbursement", Disbursements.Account());

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await Api.ProblemAsync(response))["rule"]!.GetValue<string>().ShouldBe("applicant-erased");
        (await VersionOfAsync(id)).ShouldBe(before);
    }
}

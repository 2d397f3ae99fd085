using System.Net;
using System.Text.Json.Nodes;
using Koperasi.Funding.Disbursements;
using Koperasi.ServiceDefaults.Identity;
using Koperasi.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Koperasi.Funding.Tests.Bank;

/// <summary>
/// The bank failing, timing out and recovering, against a bank of the test's own: whatever
/// happens, each grant is paid exactly once (the bank's ledger and the applications agree), a
/// failure that outlasts the retries is visible and an officer's retry pays it once.
/// </summary>
public class BankFaultTests
{
    private static JsonObject Timeouts(int count) => new() { ["count"] = count, ["milliseconds"] = 1500 };

    private static JsonObject Failures(int count) => new() { ["count"] = count };

    private static async Task RetryAsync(BankScenario scenario, string id)
    {
        var verifikator = scenario.Funding.CreateClientAs(KoperasiRoles.Verifikator);
        var retried = await Api.StepAsync(verifikator, id, "disbursement/retry", []);
        retried["status"]!.GetValue<string>().ShouldBe("disbursement-requested");
    }

    [Fact]
    public async Task A_transfer_whose_answer_was_lost_is_recognised_by_its_key_on_the_retry_and_paid_once()
    {
        await using var scenario = await BankScenario.StartAsync("bank-lost-answer");
        var ids = await scenario.DecreedAsync(1);
        await scenario.ControlAsync("timeouts", Timeouts(1));

        await Disbursements.PayAsync(scenario.Admin, ids[0]);

        (await scenario.BankCallsAsync()).ShouldBeGreaterThanOrEqualTo(2);
        await scenario.ShouldEachBePaidOnceAsync(ids);
    }

    [Fact]
    public async Task Failures_that_outlast_the_retries_leave_the_grant_visibly_failed_and_the_officer_s_retry_pays_it_once()
    {
        await using var scenario = await BankScenario.StartAsync("bank-failing");
        var ids = await scenario.DecreedAsync(1);
        await scenario.ControlAsync("failures", Failures(3));

        await Disbursements.OrderAsync(scenario.Admin, ids[0]);
        var failed = await Disbursements.StatusAsync(scenario.Admin, ids[0], "disbursement-failed");

        failed["disbursement"]!["lastFailure"]!.GetValue<string>().ShouldContain("HTTP 503");
        var listed = await Api.GetAsync(scenario.Admin, $"/api/funding/applications?status=disbursement-failed&programmeId={failed["programmeId"]}");
        listed["items"]!.AsArray().Select(a => a!["id"]!.GetValue<string>()).ShouldBe([ids[0]]);
        (await scenario.LedgerAsync()).ShouldBeEmpty();

        await RetryAsync(scenario, ids[0]);
        var paid = await Disbursements.StatusAsync(scenario.Admin, ids[0], "disbursed");

        paid["disbursement"]!["attempts"]!.GetValue<int>().ShouldBe(2);
        await scenario.ShouldEachBePaidOnceAsync(ids);
        using var again = await IfMatch.PostAsync(scenario.Admin, $"/api/funding/applications/{ids[0]}/disbursement/retry", null);
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_transfer_the_bank_made_but_never_answered_in_time_is_not_paid_again_by_the_officer_s_retry()
    {
        await using var scenario = await BankScenario.StartAsync("bank-late");
        var ids = await scenario.DecreedAsync(1);
        await scenario.ControlAsync("timeouts", Timeouts(3));

        await Disbursements.OrderAsync(scenario.Admin, ids[0]);
        var failed = await Disbursements.StatusAsync(scenario.Admin, ids[0], "disbursement-failed");

        failed["disbursement"]!["lastFailure"]!.GetValue<string>().ShouldContain("did not answer in time");
        var madeAnyway = (await scenario.LedgerAsync()).ShouldHaveSingleItem();
        madeAnyway.IdempotencyKey.ShouldBe(failed["disbursement"]!["disbursementId"]!.GetValue<string>());

        await RetryAsync(scenario, ids[0]);
        var paid = await Disbursements.StatusAsync(scenario.Admin, ids[0], "disbursed");

        paid["disbursement"]!["transferReference"]!.GetValue<string>().ShouldBe(madeAnyway.Reference);
        await scenario.ShouldEachBePaidOnceAsync(ids);
    }

    [Fact]
    public async Task Many_grants_through_failures_timeouts_and_recovery_are_each_paid_exactly_once()
    {
        await using var scenario = await BankScenario.StartAsync("bank-many");
        var ids = await scenario.DecreedAsync(16);
        await scenario.ControlAsync("delay", new JsonObject { ["milliseconds"] = 20 });
        await scenario.ControlAsync("failures", Failures(8));
        await scenario.ControlAsync("timeouts", Timeouts(8));

        foreach (var id in ids)
        {
            await Disbursements.OrderAsync(scenario.Admin, id);
        }

        // The officers retry whatever failed until the bank has paid every grant.
        for (var failed = await scenario.SettledAsync(ids); failed.Count > 0; failed = await scenario.SettledAsync(ids))
        {
            foreach (var id in failed)
            {
                await RetryAsync(scenario, id);
            }
        }

        await scenario.ShouldEachBePaidOnceAsync(ids);
    }

    [Fact]
    public async Task An_open_circuit_leaves_the_disbursements_waiting_and_loses_none()
    {
        var settings = BankScenario.QuickSettings();
        settings["Bank:MinimumThroughput"] = "4";
        settings["Bank:BreakDuration"] = "00:00:01.500";
        settings["Bank:Parallelism"] = "2";
        await using var scenario = await BankScenario.StartAsync("bank-circuit", settings);
        var ids = await scenario.DecreedAsync(8);
        await scenario.ControlAsync("failures", Failures(1000));
        var circuit = scenario.Funding.Services.GetRequiredService<BankCircuit>();

        foreach (var id in ids)
        {
            await Disbursements.OrderAsync(scenario.Admin, id);
        }

        await Eventually.UntilAsync(() => Task.FromResult(circuit.IsOpen), "the bank's circuit to open");
        var waiting = await Api.GetAsync(scenario.Admin, $"/api/funding/applications?status=disbursement-requested&pageSize=200");
        waiting["items"]!.AsArray().Select(a => a!["id"]!.GetValue<string>()).Intersect(ids).ShouldNotBeEmpty();

        await scenario.ControlAsync("reset");
        var failedBeforeTheBreak = await scenario.SettledAsync(ids);
        // Only what exhausted its retries before the circuit opened failed (at most the 2 in flight);
        // the rest waited and went out when the bank was back.
        failedBeforeTheBreak.Count.ShouldBeLessThanOrEqualTo(2);
        for (var failed = failedBeforeTheBreak; failed.Count > 0; failed = await scenario.SettledAsync(ids))
        {
            foreach (var id in failed)
            {
                await RetryAsync(scenario, id);
            }
        }

        await scenario.ShouldEachBePaidOnceAsync(ids);
    }

    [Fact]
    public async Task Disbursements_requested_before_a_restart_are_found_and_paid_by_the_next_process()
    {
        var settings = BankScenario.QuickSettings();
        settings["Bank:Processing"] = "false";
        await using var scenario = await BankScenario.StartAsync("bank-restart", settings);
        var ids = await scenario.DecreedAsync(3);
        foreach (var id in ids)
        {
            await Disbursements.OrderAsync(scenario.Admin, id);
        }

        (await scenario.LedgerAsync()).ShouldBeEmpty();

        // The next process knows nothing of them but what the database says.
        await scenario.AddHostAsync("bank-restart");
        foreach (var id in ids)
        {
            await Disbursements.StatusAsync(scenario.Admin, id, "disbursed");
        }

        await scenario.ShouldEachBePaidOnceAsync(ids);
    }

    [Fact]
    public async Task Two_processors_on_one_database_pay_each_grant_once_and_record_it_once()
    {
        await using var scenario = await BankScenario.StartAsync("bank-two-processors");
        await scenario.AddHostAsync("bank-two-processors");
        var ids = await scenario.DecreedAsync(10);
        // A slow bank, so both processors send many of the same transfers.
        await scenario.ControlAsync("delay", new JsonObject { ["milliseconds"] = 150 });

        foreach (var id in ids)
        {
            await Disbursements.OrderAsync(scenario.Admin, id);
        }

        foreach (var id in ids)
        {
            await Disbursements.StatusAsync(scenario.Admin, id, "disbursed");
        }

        await scenario.ShouldEachBePaidOnceAsync(ids);
    }
}

using Koperasi.FakeMinistry;
using Koperasi.Transformation.Dissolutions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Koperasi.Transformation.Tests.Ministry;

/// <summary>
/// The ministry adapter against a fake ministry on loopback: a batch is registered once however often
/// it is retried; failures and timeouts are retried, then reported, never thrown; an open circuit
/// leaves the call unmade; the answers come back per koperasi.
/// </summary>
public sealed class MinistryAdapterTests : IAsyncLifetime
{
    private FakeMinistryServer _ministry = null!;
    private ServiceProvider _services = null!;

    public async ValueTask InitializeAsync()
    {
        _ministry = await FakeMinistryServer.StartAsync("http://127.0.0.1:0");
        _services = Adapter(QuickSettings());
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _ministry.DisposeAsync();
    }

    private Dictionary<string, string?> QuickSettings() => new()
    {
        ["Ministry:BaseAddress"] = _ministry.Address.ToString(),
        ["Ministry:AttemptTimeout"] = "00:00:00.400",
        ["Ministry:MaxRetryAttempts"] = "3",
        ["Ministry:RetryDelay"] = "00:00:00.020",
        ["Ministry:TotalTimeout"] = "00:00:10",
        ["Ministry:MinimumThroughput"] = "1000",
        ["Ministry:SamplingDuration"] = "00:00:05",
        ["Ministry:BreakDuration"] = "00:00:01",
    };

    private static ServiceProvider Adapter(Dictionary<string, string?> settings) =>
        new ServiceCollection().AddMinistryAdapter(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).BuildServiceProvider();

    private MinistryClient Client => _services.GetRequiredService<MinistryClient>();

    private static DissolutionBatch Batch(params Guid[] cooperatives) => new()
    {
        Id = Guid.NewGuid(),
        Title = "Usulan pembubaran Oktober 2025",
        OpenedOn = new DateOnly(2025, 10, 2),
        Proposals = [.. cooperatives.Select((id, i) => new BatchProposal(Guid.NewGuid(), id, $"Koperasi {i + 1}", i % 2 == 0 ? "1571" : "1504", 4, new DateOnly(2025, 10, 6)))],
    };

    [Fact]
    public async Task A_batch_sent_twice_is_registered_once_under_its_key()
    {
        var batch = Batch(Guid.NewGuid(), Guid.NewGuid());

        var first = (await Client.SendBatchAsync(batch, CancellationToken.None)).ShouldBeOfType<MinistryOutcome.Registered>();
        var again = (await Client.SendBatchAsync(batch, CancellationToken.None)).ShouldBeOfType<MinistryOutcome.Registered>();

        again.Reference.ShouldBe(first.Reference);
        var registered = _ministry.Registry.Batches.ShouldHaveSingleItem();
        (registered.IdempotencyKey, registered.Proposals.Count).ShouldBe((batch.IdempotencyKey, 2));
    }

    [Fact]
    public async Task Failures_are_retried_and_the_batch_is_registered_once()
    {
        _ministry.Behaviour.FailNext(2, 503);

        var outcome = await Client.SendBatchAsync(Batch(Guid.NewGuid()), CancellationToken.None);

        outcome.ShouldBeOfType<MinistryOutcome.Registered>();
        _ministry.Behaviour.Calls.ShouldBe(3);
        _ministry.Registry.Batches.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_call_that_times_out_after_the_ministry_registered_it_is_retried_without_registering_again()
    {
        _ministry.Behaviour.TimeOutNext(1, TimeSpan.FromSeconds(2));
        var batch = Batch(Guid.NewGuid());

        var outcome = await Client.SendBatchAsync(batch, CancellationToken.None);

        outcome.ShouldBeOfType<MinistryOutcome.Registered>();
        _ministry.Behaviour.Calls.ShouldBe(2);
        _ministry.Registry.Batches.ShouldHaveSingleItem().BatchId.ShouldBe(batch.Id);
    }

    [Fact]
    public async Task A_ministry_that_keeps_failing_is_reported_not_thrown_and_a_later_send_recovers()
    {
        _ministry.Behaviour.FailNext(4, 502);
        var batch = Batch(Guid.NewGuid());

        var failed = (await Client.SendBatchAsync(batch, CancellationToken.None)).ShouldBeOfType<MinistryOutcome.Failed>();

        failed.Reason.ShouldBe("The ministry kept failing, after every retry (HTTP 502): Ministry unavailable.");
        _ministry.Registry.Batches.ShouldBeEmpty();
        (await Client.SendBatchAsync(batch, CancellationToken.None)).ShouldBeOfType<MinistryOutcome.Registered>();
        _ministry.Registry.Batches.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_ministry_that_never_answers_in_time_is_reported_as_a_timeout()
    {
        _ministry.Behaviour.DelayEvery(TimeSpan.FromSeconds(1));

        var failed = (await Client.SendBatchAsync(Batch(Guid.NewGuid()), CancellationToken.None)).ShouldBeOfType<MinistryOutcome.Failed>();

        failed.Reason.ShouldBe("The ministry did not answer in time, after every retry.");
        _ministry.Registry.Batches.ShouldBeEmpty();
        _ministry.Behaviour.Calls.ShouldBe(4);
    }

    [Fact]
    public async Task An_open_circuit_leaves_the_call_unmade_until_the_break_ends()
    {
        var settings = QuickSettings();
        settings["Ministry:MinimumThroughput"] = "2";
        settings["Ministry:MaxRetryAttempts"] = "1";
        await using var services = Adapter(settings);
        var client = services.GetRequiredService<MinistryClient>();
        _ministry.Behaviour.FailNext(2, 503);
        var batch = Batch(Guid.NewGuid());

        (await client.SendBatchAsync(batch, CancellationToken.None)).ShouldBeOfType<MinistryOutcome.Failed>();
        var callsWhenOpened = _ministry.Behaviour.Calls;
        (await client.SendBatchAsync(batch, CancellationToken.None)).ShouldBeOfType<MinistryOutcome.Unavailable>();
        _ministry.Behaviour.Calls.ShouldBe(callsWhenOpened);

        await Koperasi.Testing.Eventually.UntilAsync(
            async () => await client.SendBatchAsync(batch, CancellationToken.None) is MinistryOutcome.Registered, "the circuit closes again after its break");
        _ministry.Registry.Batches.Count.ShouldBe(1);
    }

    [Fact]
    public async Task The_ministry_answers_each_koperasi_of_the_batch_per_its_script()
    {
        var (approved, rejected, documents, reverify, stranger) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        _ministry.Script.Set(
            new ScriptedAnswer("approved", DecreeDate: new DateOnly(2026, 1, 15)),
            new Dictionary<Guid, ScriptedAnswer>
            {
                [rejected] = new("rejected", "Received government aid"),
                [documents] = new("documents-needed", Documents: ["Original deed of establishment", "Police report of its loss"]),
                [reverify] = new("reverify"),
            },
            [new Answer(stranger, "approved", "999/KEP/M.KUKM.2", new DateOnly(2026, 1, 15), null, [])]);
        var batch = Batch(approved, rejected, documents, reverify);
        var reference = (await Client.SendBatchAsync(batch, CancellationToken.None)).ShouldBeOfType<MinistryOutcome.Registered>().Reference;

        var answers = (await Client.AnswersAsync(reference, CancellationToken.None)).ShouldBeOfType<MinistryOutcome.Answered>().Answers;

        answers.Select(a => (a.CooperativeId, a.Kind)).ShouldBe(
        [
            (approved, MinistryAnswerKind.Approved), (rejected, MinistryAnswerKind.Rejected), (documents, MinistryAnswerKind.DocumentsNeeded),
            (reverify, MinistryAnswerKind.Reverify), (stranger, MinistryAnswerKind.Approved),
        ]);
        (answers[0].DecreeNumber, answers[0].DecreeDate).ShouldBe(($"{reference}/001/KEP/M.KUKM.2", new DateOnly(2026, 1, 15)));
        answers[1].Reason.ShouldBe("Received government aid");
        answers[2].Documents.ShouldBe(["Original deed of establishment", "Police report of its loss"]);
        answers.ShouldAllBe(a => a.Incomplete() == null);

        // The batch takes them: the stranger's answer is a mismatch, the rest count.
        var sent = batch with { SentOn = new DateOnly(2025, 10, 6) };
        var received = sent.Receive(answers, new DateOnly(2026, 1, 20));
        received.Events.OfType<MinistryAnswerReceived>().Count().ShouldBe(4);
        received.Events.OfType<MinistryAnswerMismatched>().Single().Mismatch.Kind.ShouldBe(DissolutionBatch.NotInBatch);
    }

    [Fact]
    public async Task Answers_for_an_unknown_reference_are_a_refusal()
    {
        var failed = (await Client.AnswersAsync("KEMENKOP-00000000-0000", CancellationToken.None)).ShouldBeOfType<MinistryOutcome.Failed>();

        failed.Reason.ShouldBe("The ministry refused the call (HTTP 404): No such batch.");
    }

    [Fact]
    public async Task A_key_reused_for_another_batch_is_refused_and_nothing_is_registered_again()
    {
        var batch = Batch(Guid.NewGuid());
        await Client.SendBatchAsync(batch, CancellationToken.None);

        var changed = batch with { Proposals = [.. batch.Proposals, new BatchProposal(Guid.NewGuid(), Guid.NewGuid(), "Koperasi X", "1505", 4, new DateOnly(2025, 10, 6))] };
        var refused = (await Client.SendBatchAsync(changed, CancellationToken.None)).ShouldBeOfType<MinistryOutcome.Failed>();

        refused.Reason.ShouldBe("The ministry refused the call (HTTP 422): Idempotency key reused.");
        _ministry.Registry.Batches.ShouldHaveSingleItem().Proposals.Count.ShouldBe(1);
    }
}

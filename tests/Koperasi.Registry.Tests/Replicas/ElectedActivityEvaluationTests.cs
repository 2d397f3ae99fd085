using Koperasi.Testing;
using Microsoft.Extensions.Logging;

namespace Koperasi.Registry.Tests.Replicas;

/// <summary>
/// The scheduled activity evaluation runs on one replica (ADR 0018): two Registry replicas on one
/// schema, both with the schedule on; only the elected one evaluates, and it runs the evaluation again when
/// time passes.
/// </summary>
public sealed class ElectedActivityEvaluationTests : IAsyncLifetime
{
    private const string DebugOfTheScheduler = "Logging:LogLevel:Koperasi.Registry.Activity.ActivityEvaluationScheduler";
    private static readonly DateTimeOffset Now = new(2026, 6, 30, 5, 0, 0, TimeSpan.Zero);
    private readonly CapturedLogs _firstLogs = new();
    private readonly CapturedLogs _secondLogs = new();
    private readonly IsolatedRegistryHost _first;
    private readonly IsolatedRegistryHost _second;

    public ElectedActivityEvaluationTests()
    {
        _first = new IsolatedRegistryHost("electedschedule", Now, scheduledEvaluation: true);
        _first.WithLogs(_firstLogs).With(DebugOfTheScheduler, "Debug");
        _second = new IsolatedRegistryHost("electedschedule", Now, scheduledEvaluation: true);
        _second.WithLogs(_secondLogs).With(DebugOfTheScheduler, "Debug");
    }

    public async ValueTask InitializeAsync()
    {
        await _first.InitializeAsync();
        await _second.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _second.StopAsync();
        await _first.DisposeAsync();
    }

    [Fact]
    public async Task Of_two_replicas_exactly_one_evaluates()
    {
        var client = _first.CreateClient();
        var stale = await Api.RegisterAsync(client, Api.Registration(decreeDate: "2016-05-02", rats: Api.Rat(2022, "2023-03-01")));
        await Eventually.UntilAsync(() => Task.FromResult(Evaluations(_firstLogs) + Evaluations(_secondLogs) > 0), "one replica to be elected and evaluate");
        // Both replicas compete for a while (the polling time is 1 s in tests).
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);

        _first.Clock.Advance(TimeSpan.FromDays(2));
        _second.Clock.Advance(TimeSpan.FromDays(2));
        await Eventually.UntilAsync(
            async () => (await Api.GetAsync(client, $"/api/registry/cooperatives/{stale["id"]}"))["activity"]!.GetValue<string>() == "tidak-aktif",
            "the scheduled evaluation");

        // The run that changed the koperasi logs its line once it has saved: wait for it too.
        await Eventually.UntilAsync(
            () => Task.FromResult(Math.Max(Evaluations(_firstLogs), Evaluations(_secondLogs)) >= 2),
            "the elected replica to log its evaluation at its election and when the time passed");
        var runs = new[] { Evaluations(_firstLogs), Evaluations(_secondLogs) };
        runs.Count(r => r > 0).ShouldBe(1, $"evaluations per replica: {string.Join(", ", runs)}");
    }

    private static int Evaluations(CapturedLogs logs) =>
        logs.Entries.Count(e => e.Level == LogLevel.Debug && e.Message.StartsWith("Activity evaluation for ", StringComparison.Ordinal));
}

using Koperasi.Demo;
using Koperasi.Testing;
using Microsoft.Extensions.Logging;

namespace Koperasi.Registry.Tests.Demo;

/// <summary>
/// The console part both demo data tools share (tools/Shared/DemoDataConsole.cs, linked into each):
/// the exit codes ./run.sh and docker compose read, the failure logged, the progress lines.
/// </summary>
public class DemoDataConsoleTests
{
    [Fact]
    public async Task A_load_that_ends_exits_0()
    {
        using var logs = new CapturedLogs();
        (await DemoDataConsole.RunAsync(logs.CreateLogger("tool"), _ => Task.FromResult("[koperasi] loaded"))).ShouldBe(0);
        logs.Entries.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_load_that_fails_exits_1_with_the_failure_logged()
    {
        using var logs = new CapturedLogs();
        var failure = new InvalidOperationException("ConnectionStrings:Postgres is not configured");
        (await DemoDataConsole.RunAsync(logs.CreateLogger("tool"), _ => throw failure)).ShouldBe(1);
        var entry = logs.Entries.ShouldHaveSingleItem();
        entry.Level.ShouldBe(LogLevel.Error);
        entry.Exception.ShouldBeSameAs(failure);
        entry.Message.ShouldContain("the next run resumes it");
    }

    [Fact]
    public async Task A_load_stopped_exits_130_and_a_cancellation_of_its_own_counts_as_a_failure()
    {
        using var logs = new CapturedLogs();
        using var stop = new CancellationTokenSource();
        var stopped = DemoDataConsole.RunAsync(logs.CreateLogger("tool"), async cancellationToken =>
        {
            await stop.CancelAsync();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return "never";
        }, stop.Token);
        (await stopped).ShouldBe(130);
        logs.Entries.ShouldBeEmpty();

        // A timeout inside the load is not the user's Ctrl-C: it failed.
        (await DemoDataConsole.RunAsync(logs.CreateLogger("tool"), _ => throw new OperationCanceledException())).ShouldBe(1);
        logs.Entries.ShouldHaveSingleItem().Level.ShouldBe(LogLevel.Error);
    }

    [Fact]
    public void Progress_prints_the_first_and_the_last_state_and_holds_back_the_ones_between()
    {
        using var output = new StringWriter();
        var progress = new DemoDataProgress<int>(done => done == 3, done => $"[koperasi] {done} of 3", output);
        foreach (var done in new[] { 0, 1, 2, 3 })
        {
            progress.Report(done);
        }

        output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).ShouldBe(["[koperasi] 0 of 3", "[koperasi] 3 of 3"]);
    }
}

namespace Koperasi.Resilience.Tests;

/// <summary>
/// The rows of the fault harness that fit in seconds, run as the harness runs them (processes of the
/// services behind the gateway, a steady load of registrations, a subscriber counting facts by
/// message id) on the suite's servers, which they never stop: rows 3 and 6 of docs/resilience. The
/// goal of every row is the assertion: nothing lost, nothing duplicated. Rows 1, 2, 4 and 5 run with
/// the harness (docs/resilience/README.md); they stop the servers or take minutes.
/// </summary>
public sealed class FaultRowsTests
{
    private static readonly ResilienceOptions Short = new()
    {
        Shared = true,
        Rate = 10,
        Seconds = 4,
        Burst = 60,
        SettleSeconds = 60,
        WriteReport = false,
    };

    [Fact]
    public async Task A_service_process_killed_mid_load_and_restarted_loses_and_duplicates_nothing()
    {
        var row = await RunAsync(3);

        // The kill happened under load: commands before and after it were acknowledged.
        row.Acknowledged.ShouldBeGreaterThan(0);
        row.Recovery.ShouldNotBeNull("no command sent after the kill was acknowledged: the restarted process never served");
        row.Lost.ShouldBe(0, "acknowledged or committed registrations never published");
        row.Duplicated.ShouldBe(0, "registrations published under more than one message id");
        row.Delivered.ShouldBeGreaterThanOrEqualTo(row.Acknowledged);
    }

    [Fact]
    public async Task Writers_rolling_back_during_a_relay_burst_leave_every_committed_event_published()
    {
        var row = await RunAsync(6);

        row.Acknowledged.ShouldBeGreaterThanOrEqualTo(Short.Burst);
        row.Notes.ShouldContain(note => note.Contains("rolled back", StringComparison.Ordinal) && !note.Contains(" 0 transactions", StringComparison.Ordinal));
        row.Committed.ShouldBeGreaterThanOrEqualTo(row.Acknowledged);
        row.Lost.ShouldBe(0, "committed registrations the relay never published (a gap skipped over a committed event?)");
        row.Duplicated.ShouldBe(0, "registrations published under more than one message id");
    }

    private static async Task<RowResult> RunAsync(int number)
    {
        var log = new StringWriter();
        try
        {
            var row = (await ResilienceProgram.RunAsync(Short with { Rows = [number] }, log, TestContext.Current.CancellationToken)).ShouldHaveSingleItem();
            log.WriteLine(Report.Table([row]));
            row.Error.ShouldBeNull("the row did not run to its end");
            return row;
        }
        finally
        {
            TestContext.Current.TestOutputHelper?.WriteLine(log.ToString());
        }
    }
}

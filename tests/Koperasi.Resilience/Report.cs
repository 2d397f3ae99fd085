using System.Globalization;
using System.Text;
using Koperasi.Testing;

namespace Koperasi.Resilience;

/// <summary>The results as a console table and as the Markdown of docs/resilience/results-&lt;date&gt;.md.</summary>
public static class Report
{
    public static string Table(IReadOnlyList<RowResult> rows)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"{"row",-4}{"acknowledged",13}{"refused",9}{"delivered",11}{"lost",6}{"duplicated",12}{"redelivered",13}{"recovery",10}  fault"));
        foreach (var row in rows)
        {
            if (row.Error is not null)
            {
                text.AppendLine(Invariant($"{row.Number,-4}  did not complete: {row.Error}  ({row.Fault})"));
                continue;
            }

            text.AppendLine(Invariant($"{row.Number,-4}{row.Acknowledged,13}{row.RefusedTotal,9}{row.Delivered,11}{row.Lost,6}{row.Duplicated,12}{row.Redelivered,13}{Seconds(row.Recovery),10}  {row.Fault}"));
        }

        return text.ToString();
    }

    public static string Markdown(IReadOnlyList<RowResult> rows, ResilienceOptions options, DateTimeOffset runAt, string? commit, string machine, string loadAverage)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"# Faults, on purpose: results of {runAt:yyyy-MM-dd}"));
        text.AppendLine();
        text.AppendLine("Written by `tests/Koperasi.Resilience` (see [README](README.md)); every row under a steady write load of");
        text.AppendLine("registrations through the gateway, its facts counted by message id by a subscriber on a queue of its own.");
        text.AppendLine();
        text.AppendLine("## Machine and load");
        text.AppendLine();
        text.AppendLine("| | |");
        text.AppendLine("|---|---|");
        text.AppendLine(Invariant($"| Run at | {runAt:yyyy-MM-dd HH:mm} UTC{(commit is null ? "" : $", commit {commit}")} |"));
        text.AppendLine(Invariant($"| Machine | {machine} |"));
        text.AppendLine(Invariant($"| Load average at the start | {loadAverage} |"));
        text.AppendLine(Invariant($"| Servers | {(options.Shared ? "the environment's (shared)" : "the harness's own (deploy/infra.sh, local mode)")} |"));
        text.AppendLine(Invariant($"| Steady load | {options.Rate} registrations/s through the gateway for about {options.Seconds} s a row |"));
        text.AppendLine(Invariant($"| Row 1 | broker stopped {options.BrokerOutageSeconds} s |"));
        text.AppendLine(Invariant($"| Row 5 | backlog of {options.Backlog}, {options.Kills} kills |"));
        text.AppendLine(Invariant($"| Row 6 | burst of {options.Burst} registrations |"));
        text.AppendLine(Invariant($"| Command | `dotnet run --project tests/Koperasi.Resilience -c Release -- {Arguments(options)}` |"));
        text.AppendLine();
        text.AppendLine("## Results");
        text.AppendLine();
        text.AppendLine("| Row | Fault | Acknowledged | Refused | Committed | Delivered | Lost | Duplicated effects | Redelivered (same id) | Recovery | Row time |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            if (row.Error is not null)
            {
                text.AppendLine(Invariant($"| {row.Number} | {row.Fault} | did not complete: {row.Error} | | | | | | | | {row.Duration.TotalSeconds:0} s |"));
                continue;
            }

            text.AppendLine(Invariant($"| {row.Number} | {row.Fault} | {row.Acknowledged} | {row.RefusedTotal} | {row.Committed} | {row.Delivered} | **{row.Lost}** | **{row.Duplicated}** | {row.Redelivered} | {Seconds(row.Recovery)} | {row.Duration.TotalSeconds:0} s |"));
        }

        text.AppendLine();
        text.AppendLine("- **Acknowledged**: registrations answered 201. **Refused**: any other answer, or none (listed below).");
        text.AppendLine("- **Committed**: registrations in the Registry's event log. **Delivered**: koperasi whose registration fact reached the subscriber.");
        text.AppendLine("- **Lost**: acknowledged or committed, never delivered (row 5 adds the facts the consumer never applied).");
        text.AppendLine("- **Duplicated effects**: a koperasi whose fact arrived under more than one message id (a subscriber deduplicating by");
        text.AppendLine("  message id would apply it twice); row 5 adds those the consumer applied more than once. **Redelivered**: the same");
        text.AppendLine("  message id again, the at-least-once the contracts document (not an effect).");
        text.AppendLine();
        text.AppendLine("## Per row");
        text.AppendLine();
        foreach (var row in rows)
        {
            text.AppendLine(Invariant($"### {row.Number}. {row.Fault}"));
            text.AppendLine();
            if (row.Error is not null)
            {
                text.AppendLine(Invariant($"- Did not complete: {row.Error}"));
                text.AppendLine();
                continue;
            }

            text.AppendLine(Invariant($"- Recovery {Seconds(row.Recovery)}: {row.RecoveryMeaning}."));
            text.AppendLine(Invariant($"- Refused: {(row.Refused.Count == 0 ? "none" : string.Join(", ", row.Refused.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Value} × {r.Key}")))}."));
            text.AppendLine(Invariant($"- Delivered without an acknowledgement (committed, answer lost or refused): {row.DeliveredUnacknowledged}."));
            foreach (var note in row.Notes)
            {
                text.AppendLine(Invariant($"- {note}."));
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    public static string Arguments(ResilienceOptions options)
    {
        var arguments = new List<string> { "--rows", string.Join(',', options.Rows) };
        if (options.Shared)
        {
            arguments.Add("--shared");
        }

        arguments.AddRange(["--rate", Invariant($"{options.Rate}"), "--seconds", Invariant($"{options.Seconds}"),
            "--broker-outage", Invariant($"{options.BrokerOutageSeconds}"), "--kills", Invariant($"{options.Kills}"),
            "--backlog", Invariant($"{options.Backlog}"), "--burst", Invariant($"{options.Burst}")]);
        return string.Join(' ', arguments);
    }

    private static string Seconds(TimeSpan? value) => value is { } v ? Invariant($"{v.TotalSeconds:0.0} s") : "n/a";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>The run's id, so its schemas and broker entities can be found (and removed) later.</summary>
    public static string RunId => TestInfrastructure.RunId;
}

using System.Reflection;
using MassTransit;
using Shouldly;

namespace Koperasi.Testing;

/// <summary>
/// Where a refused text must not be found besides the store: the host's logs and the messages
/// it publishes. The probe is a queue bound to the exchange of every contract of the service.
/// </summary>
public static class TextNowhere
{
    /// <summary>A probe bound to every contract in the namespace of <paramref name="contract"/> (one service's contracts).</summary>
    public static Task<BrokerProbe> ProbeContractsAsync(string entityPrefix, Type contract)
    {
        var names = contract.Assembly.GetTypes()
            .Where(t => t.Namespace == contract.Namespace)
            .Select(t => t.GetCustomAttribute<MessageUrnAttribute>()?.Urn.ToString())
            .OfType<string>()
            .Select(urn => urn["urn:message:".Length..])
            .ToArray();
        names.ShouldNotBeEmpty();
        return BrokerProbe.SubscribeAsync(entityPrefix, names);
    }

    /// <summary>
    /// No log entry (message or exception) and no message the probe received holds any of the
    /// texts; waits <paramref name="settle"/> first, so what the relay was to publish has arrived.
    /// </summary>
    public static async Task ShouldBeNowhereAsync(CapturedLogs logs, BrokerProbe probe, TimeSpan settle, params string[] texts)
    {
        await Task.Delay(settle);
        await probe.DrainAsync();
        logs.Entries.ShouldNotBeEmpty("no log entry was captured");
        foreach (var text in texts.Where(t => t.Length > 0))
        {
            logs.Entries.Where(e => e.Message.Contains(text, StringComparison.Ordinal) || (e.Exception?.ToString().Contains(text, StringComparison.Ordinal) ?? false))
                .Select(e => $"{e.Category}: {e.Message}").ShouldBeEmpty($"logged: {text}");
            probe.Received.Where(m => m.Message.GetRawText().Contains(text, StringComparison.Ordinal) || (m.Headers.ValueKind != System.Text.Json.JsonValueKind.Undefined && m.Headers.GetRawText().Contains(text, StringComparison.Ordinal)))
                .Select(m => m.MessageId).ShouldBeEmpty($"published: {text}");
        }
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using Koperasi.Testing;

namespace Koperasi.Funding.Tests;

/// <summary>Pays a decreed grant the way an officer does: the disbursement ordered over HTTP, the bank processor paying it.</summary>
public static class Disbursements
{
    /// <summary>A bank account of its own (a random, synthetic 10-digit number) for the recipient.</summary>
    public static JsonObject Account(string holder = "Siti Rahmawati") => new()
    {
        ["bankCode"] = "002",
        ["accountNumber"] = string.Create(CultureInfo.InvariantCulture, $"7{Random.Shared.Next(100_000_000, 1_000_000_000)}"),
        ["accountHolder"] = holder,
    };

    /// <summary>Orders the disbursement and waits until the bank has paid it; returns the application as it is then.</summary>
    public static async Task<JsonObject> PayAsync(HttpClient client, string applicationId, JsonObject? account = null)
    {
        await OrderAsync(client, applicationId, account);
        return await StatusAsync(client, applicationId, "disbursed");
    }

    public static Task<JsonObject> OrderAsync(HttpClient client, string applicationId, JsonObject? account = null) =>
        Api.StepAsync(client, applicationId, "disbursement", account ?? Account());

    /// <summary>Waits until the application reaches the status.</summary>
    public static Task<JsonObject> StatusAsync(HttpClient client, string applicationId, string status, TimeSpan? timeout = null) =>
        Eventually.ValueAsync(
            async () => await Api.GetAsync(client, $"/api/funding/applications/{applicationId}") is var application
                && application["status"]!.GetValue<string>() == status ? application : null,
            $"application {applicationId} to be {status}",
            timeout);
}

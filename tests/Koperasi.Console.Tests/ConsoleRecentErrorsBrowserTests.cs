using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koperasi.ServiceDefaults.Identity;
using Koperasi.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Koperasi.Console.Tests;

/// <summary>
/// Operasi's recent errors: a message that failed every retry in a service's error queue, shown with
/// the exception MassTransit recorded in its headers and left in its queue, and an error the service
/// logged; the personal data in their texts masked. In Debian's Chromium against the shared platform (<see cref="ConsolePlatform"/>).
/// </summary>
[Collection(ConsolePlatformCollection.Name)]
public class ConsoleRecentErrorsBrowserTests(ConsolePlatform platform)
{
    private const string Nik = "1503015507900001";
    private const string Phone = "081234567890";

    [Fact]
    public async Task The_operator_sees_each_service_s_last_errors_with_personal_data_masked()
    {
        // An error queue of the Registry (its queues are named "registry-..." after the platform's prefix) with one failed message.
        var queue = $"{platform.Registry.EntityPrefix}.registry-konsol-galat-{Guid.NewGuid().ToString("N")[..6]}_error";
        using var broker = BrokerAdmin.CreateClient();
        var vhost = Uri.EscapeDataString(TestInfrastructure.TestVirtualHost);
        using (var created = await broker.PutAsJsonAsync($"queues/{vhost}/{Uri.EscapeDataString(queue)}", new { durable = true, auto_delete = false }, TestContext.Current.CancellationToken))
        {
            created.IsSuccessStatusCode.ShouldBeTrue(await created.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }

        using (var published = await broker.PostAsJsonAsync($"exchanges/{vhost}/amq.default/publish", new
        {
            properties = new
            {
                message_id = "galat-1",
                headers = new Dictionary<string, object>
                {
                    ["MT-Fault-ExceptionType"] = "System.InvalidOperationException",
                    ["MT-Fault-Message"] = $"Applicant {Nik} (phone {Phone}) could not be applied on 2025-08-29",
                    ["MT-Fault-MessageType"] = "urn:message:koperasi:funding:grant-decreed",
                    ["MT-Fault-Timestamp"] = "2025-08-29T03:04:05Z",
                },
            },
            routing_key = queue,
            payload = $"{{\"nik\":\"{Nik}\"}}",
            payload_encoding = "string",
        }, TestContext.Current.CancellationToken))
        {
            (await published.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["routed"]!.GetValue<bool>().ShouldBeTrue();
        }

        // And an error the Registry logs, quoting a phone number.
        // A letter first: six hex characters can all be digits, which the page masks as a phone number.
        var run = "u" + Guid.NewGuid().ToString("N")[..6];
        platform.Registry.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Koperasi.Registry.Uji")
            .LogError(new TimeoutException($"no answer from {Phone}"), "Uji galat {Run}: applicant {Nik} not applied", run, Nik);

        var page = await platform.SignInAsync(KoperasiRoles.AdminProvinsi, null, "operator.galat");
        try
        {
            var row = page.Locator($"#tabel-galat tr[data-antrean='{queue}']");
            await Eventually.UntilAsync(
                async () =>
                {
                    await page.GotoAsync("/operasi");
                    return await row.CountAsync() == 1;
                },
                "the error queue's message to show among the recent errors",
                TimeSpan.FromSeconds(60));
            var text = await row.InnerTextAsync();
            text.ShouldContain("registry");
            text.ShouldContain("System.InvalidOperationException");
            text.ShouldContain("urn:message:koperasi:funding:grant-decreed");
            text.ShouldContain("29 Agustus 2025");
            text.ShouldContain("150301******0001");
            text.ShouldContain("**********90");
            text.ShouldContain("2025-08-29");
            var logged = page.Locator("#tabel-galat tr[data-layanan='registry']", new PageLocatorOptions { HasText = $"Uji galat {run}" });
            (await logged.CountAsync()).ShouldBe(1, await page.Locator("#tabel-galat").InnerTextAsync());
            var loggedText = await logged.InnerTextAsync();
            loggedText.ShouldContain("log Koperasi.Registry.Uji");
            loggedText.ShouldContain("System.TimeoutException");
            loggedText.ShouldContain($"Uji galat {run}: applicant 150301******0001 not applied (no answer from **********90)");
            var whole = await page.ContentAsync();
            whole.ShouldNotContain(Nik);
            whole.ShouldNotContain(Phone);
            await ConsolePlatform.ScreenshotAsync(page, "operasi-galat");

            // Reading the errors leaves them where they were.
            using var left = await broker.PostAsJsonAsync($"queues/{vhost}/{Uri.EscapeDataString(queue)}/get", new { count = 10, ackmode = "ack_requeue_true", encoding = "auto" }, TestContext.Current.CancellationToken);
            (await left.Content.ReadFromJsonAsync<JsonArray>(TestContext.Current.CancellationToken))!.Count.ShouldBe(1);
        }
        finally
        {
            await page.Context.CloseAsync();
            using var _ = await broker.DeleteAsync($"queues/{vhost}/{Uri.EscapeDataString(queue)}", TestContext.Current.CancellationToken);
        }
    }
}

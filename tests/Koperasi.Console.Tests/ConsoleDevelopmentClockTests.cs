extern alias gateway;
extern alias registry;

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koperasi.Console.Formatting;
using Koperasi.Console.SignIn;
using Koperasi.ServiceDefaults.Identity;
using Koperasi.Testing;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Koperasi.Console.Tests;

/// <summary>
/// The development clock from the console (<c>/operasi/jam</c>): in Development, from this machine, an
/// operator sees each service's date and moves every service forward through the gateway's
/// <c>POST /dev/clock</c>. The browser test runs on a platform of its own (a Registry without the demo
/// set behind a gateway): the shared platform's clocks must not move under the other tests. Outside
/// Development, or from another machine, the page does not exist and Operasi does not link to it.
/// </summary>
public class ConsoleDevelopmentClockTests
{
    [Fact]
    public async Task The_operator_moves_every_service_s_date_forward_from_the_console()
    {
        await using var service = new ServiceHost<registry::Program>("registry", "console-clock", DateTimeOffset.UtcNow)
            .With("Activity:ScheduledEvaluation", "false");
        service.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        service.StartServer();
        await service.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(60));
        var address = AddressOf(service.Services);
        await using var front = new ConsolePlatform.FrontDoor(new Dictionary<string, string?>
        {
            ["Services:Registry"] = address.ToString(),
            ["Services:Transformation"] = "",
            ["Services:Funding"] = "",
        });
        front.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        front.StartServer();
        using var registry = new HttpClient { BaseAddress = address }.As(KoperasiRoles.AdminProvinsi);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await ConsolePlatform.LaunchChromiumAsync(playwright);

        var page = await ConsolePlatform.SignInAsync(browser, AddressOf(front.Services).ToString(), KoperasiRoles.AdminProvinsi, null, "operator.jam");
        var before = await ClockAsync(registry);
        before.Offset.ShouldBe(0);
        await page.GotoAsync("/operasi");
        await page.ClickAsync("#tautan-jam");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Jam pengembangan");
        var row = page.Locator("#tabel-jam tr[data-layanan='registry']");
        (await row.Locator("td.tanggal").InnerTextAsync()).ShouldBe(Tampil.Date(before.Today));

        // Zero days is refused by the gateway naming the field, in Indonesian; no clock moves.
        await page.EvalOnSelectorAsync("#jam-hari", "e => e.removeAttribute('min')");
        await page.FillAsync("#jam-hari", "0");
        await page.ClickAsync("#form-jam button[type=submit]");
        (await page.Locator("div.masalah").InnerTextAsync()).ShouldContain("Jumlah hari");
        (await ClockAsync(registry)).Offset.ShouldBe(0);

        await page.FillAsync("#jam-hari", "100");
        await page.ClickAsync("#form-jam button[type=submit]", new PageClickOptions { Timeout = 60_000 });
        await page.WaitForURLAsync(url => url.Contains("pesan=", StringComparison.Ordinal), new PageWaitForURLOptions { Timeout = 60_000 });
        var after = await ClockAsync(registry);
        after.Offset.ShouldBe(100);
        after.Today.ShouldBeGreaterThanOrEqualTo(before.Today.AddDays(100));
        (await page.Locator(".berhasil").InnerTextAsync()).ShouldContain($"dimajukan 100 hari: kini {Tampil.Date(after.Today)}");
        (await row.Locator("td.tanggal").InnerTextAsync()).ShouldBe(Tampil.Date(after.Today));
        await ConsolePlatform.ScreenshotAsync(page, "jam-pengembangan");

        // The console's today is the services' from now on: Beranda opens on the moved date.
        await page.GotoAsync(AddressOf(front.Services).ToString(), new PageGotoOptions { Timeout = 60_000 });
        (await page.InputValueAsync("#tanggal")).ShouldBe(Tampil.Iso(after.Today));
    }

    [Theory]
    [InlineData("Development", "127.0.0.1", true)]
    [InlineData("Development", "192.0.2.10", false)]
    [InlineData("Production", "127.0.0.1", false)]
    [InlineData("Testing", "127.0.0.1", false)]
    public async Task The_page_exists_only_in_Development_on_this_machine(string environment, string remote, bool offered)
    {
        await using var gateway = new SignedIn(environment, IPAddress.Parse(remote));
        using var client = gateway.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        (await client.GetAsync(new Uri(SignedIn.Path, UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var clock = await client.GetAsync(new Uri("/operasi/jam", UriKind.Relative), TestContext.Current.CancellationToken);
        var page = await clock.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var operasi = await client.GetStringAsync(new Uri("/operasi", UriKind.Relative), TestContext.Current.CancellationToken);
        operasi.ShouldContain("<h1>Operasi</h1>");
        if (offered)
        {
            clock.StatusCode.ShouldBe(HttpStatusCode.OK);
            page.ShouldContain("id=\"form-jam\"");
            operasi.ShouldContain("id=\"tautan-jam\"");
        }
        else
        {
            clock.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            page.ShouldNotContain("id=\"form-jam\"");
            page.ShouldNotContain("id=\"tabel-jam\"");
            operasi.ShouldNotContain("tautan-jam");
        }
    }

    private static async Task<(int Offset, DateOnly Today)> ClockAsync(HttpClient registry)
    {
        var clock = (await registry.GetFromJsonAsync<JsonObject>("/api/registry/ops/clock", TestContext.Current.CancellationToken))!;
        return (clock["offsetDays"]!.GetValue<int>(), DateOnly.Parse(clock["today"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
    }

    private static Uri AddressOf(IServiceProvider services) =>
        new(services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    /// <summary>
    /// The gateway alone in an environment, its callers coming from <paramref name="remote"/>, with a
    /// test-only path that signs the caller in as an admin of the province (any environment; the
    /// development sign-in exists only in Development).
    /// </summary>
    private sealed class SignedIn(string environment, IPAddress remote) : WebApplicationFactory<gateway::Program>
    {
        public const string Path = "/uji/masuk";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.Alone(environment);
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new Filter(remote)));
        }

        private sealed class Filter(IPAddress remote) : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use(async (context, following) =>
                {
                    context.Connection.RemoteIpAddress = remote;
                    if (context.Request.Path == Path)
                    {
                        await ConsoleAuth.SignInWithTokenAsync(context, TestTokens.For(KoperasiRoles.AdminProvinsi));
                        return;
                    }

                    await following(context);
                });
                next(app);
            };
        }
    }
}

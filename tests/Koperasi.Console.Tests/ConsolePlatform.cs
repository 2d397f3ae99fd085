extern alias gateway;
extern alias registry;
extern alias transformation;

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koperasi.Testing;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;
using registry::Koperasi.Registry.Demo;

namespace Koperasi.Console.Tests;

/// <summary>
/// The console as an officer meets it after <c>./run.sh</c>: the Registry on a real loopback port
/// with the full demo data set (the published 29 August 2025 table), the gateway in front of it in
/// the Development environment (so the development sign-in is offered) on a real port, on real
/// PostgreSQL and RabbitMQ; and one Chromium (Debian's, no browser download) driven by Playwright.
/// The services' clocks follow the real time, as the tokens the gateway mints do. Shared by every
/// browser test (one collection), so the set is loaded once per run.
/// </summary>
public sealed partial class ConsolePlatform : IAsyncLifetime
{
    private const string Name = "console";
    private readonly CancellationTokenSource _stop = new();
    private Task _clockFollower = Task.CompletedTask;

    public ServiceHost<registry::Program> Registry { get; } =
        new ServiceHost<registry::Program>("registry", Name, DateTimeOffset.UtcNow)
            .With("Activity:ScheduledEvaluation", "false")
            .With("RateLimits:WritesPerMinute", "1000000");

    /// <summary>Transformation (cases, dissolutions) on a loopback port, on the Registry's bus prefix: the Registry applies its outcomes.</summary>
    public ServiceHost<transformation::Program> Transformation { get; } =
        new ServiceHost<transformation::Program>("transformation", Name, DateTimeOffset.UtcNow)
            .With("Dissolution:ScheduledDeadlineEvaluation", "false")
            // No ministry here (a closed port): sending a batch answers 503 ministry-unavailable, quickly.
            .With("Ministry:BaseAddress", "http://127.0.0.1:9")
            .With("Ministry:RetryDelay", "00:00:00.100")
            .With("Ministry:MaxRetryAttempts", "1")
            .With("RateLimits:WritesPerMinute", "1000000");

    public FrontDoor Gateway { get; private set; } = null!;

    /// <summary>Where the browser opens the console.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>An admin-provinsi client of the Registry, for the tests to find their koperasi.</summary>
    public HttpClient RegistryClient { get; private set; } = null!;

    public IPlaywright Playwright { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where each test keeps its screenshots: .local/test-results/console-screenshots at the repository's root.</summary>
    public static string Screenshots { get; } = ScreenshotFolder();

    public async ValueTask InitializeAsync()
    {
        Registry.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        Registry.StartServer();
        await Registry.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
        var registryAddress = AddressOf(Registry.Services);
        RegistryClient = new HttpClient { BaseAddress = registryAddress }.As(ServiceDefaults.Identity.KoperasiRoles.AdminProvinsi);
        _clockFollower = FollowTheRealTimeAsync(_stop.Token);

        await LoadDemoDataAsync();
        await StartFundingAsync();

        // Transformation: started after the demo set, so it learns the koperasi the tests register (not the whole set).
        Transformation.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        Transformation.StartServer();
        await Transformation.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
        var transformationAddress = AddressOf(Transformation.Services);

        Gateway = new FrontDoor(new Dictionary<string, string?>
        {
            ["Services:Registry"] = registryAddress.ToString(),
            // The Registry, Transformation and Funding run here.
            ["Services:Transformation"] = transformationAddress.ToString(),
            ["Services:Funding"] = FundingAddress.ToString(),
            ["RateLimits:WritesPerMinute"] = "1000000",
            // The Operasi page: RabbitMQ's management API, the test vhost, this platform's queues only.
            ["Console:Operasi:RabbitMqManagementUrl"] = $"http://{TestInfrastructure.RabbitMqHost}:{TestInfrastructure.RabbitMqManagementPort}/",
            ["Console:Operasi:RabbitMqUser"] = TestInfrastructure.RabbitMqAdminUser,
            ["Console:Operasi:RabbitMqPassword"] = TestInfrastructure.RabbitMqAdminPassword,
            ["Console:Operasi:RabbitMqVirtualHost"] = TestInfrastructure.TestVirtualHost,
            ["Console:Operasi:QueuePrefix"] = Registry.EntityPrefix + ".",
        });
        Gateway.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        Gateway.StartServer();
        Address = AddressOf(Gateway.Services);

        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await LaunchChromiumAsync(Playwright);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _clockFollower;
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        Playwright?.Dispose();
        if (Gateway is not null)
        {
            await Gateway.DisposeAsync();
        }

        await StopFundingAsync();
        RegistryClient?.Dispose();
        await Transformation.DisposeAsync();
        await Registry.DisposeAsync();
        _stop.Dispose();
    }

    /// <summary>
    /// A fresh browser context (its own cookies) on the console at <paramref name="address"/> (this
    /// platform's by default), signed in through the development sign-in page. Its timeouts are patient:
    /// on a machine shared by many builds, a page can take longer than Playwright's 30 s.
    /// </summary>
    public Task<IPage> SignInAsync(string role, string? regency = null, string? name = null, string? address = null) =>
        SignInAsync(Browser, address ?? Address.ToString(), role, regency, name);

    /// <summary>A fresh browser context of <paramref name="browser"/> on the console at <paramref name="address"/>, signed in through the development sign-in page.</summary>
    public static async Task<IPage> SignInAsync(IBrowser browser, string address, string role, string? regency = null, string? name = null)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = address, Locale = "id-ID" });
        context.SetDefaultTimeout(120_000);
        context.SetDefaultNavigationTimeout(120_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/masuk");
        await page.SelectOptionAsync("#peran", role);
        await page.SelectOptionAsync("#kabupaten", regency ?? "");
        if (name is not null)
        {
            await page.FillAsync("#nama", name);
        }

        await page.ClickAsync("form[action='/masuk/pengembangan'] button[type=submit]");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        return page;
    }

    /// <summary>Debian's Chromium (test.sh installs it), headless; Playwright makes a fresh profile for every launch.</summary>
    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("KOPERASI_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });

    /// <summary>Keeps a screenshot of the page as the test's artifact.</summary>
    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });

    /// <summary>Loads the full demo set with the tool's own loader, then waits for the 29 August 2025 statistics to catch up.</summary>
    private async Task LoadDemoDataAsync()
    {
        var configuration = Registry.Services.GetRequiredService<IConfiguration>();
        await using (var store = DemoDataTool.OpenStore(configuration))
        {
            var loader = new DemoDataLoader(store, Registry.Clock, DemoDataTool.Policy(configuration), NullLogger<DemoDataLoader>.Instance);
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
            await loader.LoadAsync(DemoTargets.Load(), null, timeout.Token);
        }

        await Eventually.ValueAsync(
            async () =>
            {
                var table = await RegistryClient.GetFromJsonAsync<JsonObject>("/api/registry/statistics/regencies?asOf=2025-08-29");
                return table!["total"]!.GetValue<long>() == DemoTargets.Load().Total ? table : null;
            },
            "the statistics of 29 August 2025 to count the whole demo set",
            TimeSpan.FromMinutes(3));
    }

    private static Uri AddressOf(IServiceProvider services) =>
        new(services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    private async Task FollowTheRealTimeAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                if (DateTimeOffset.UtcNow > Registry.Clock.GetUtcNow())
                {
                    Registry.Clock.SetUtcNow(DateTimeOffset.UtcNow);
                }

                if (DateTimeOffset.UtcNow > Transformation.Clock.GetUtcNow())
                {
                    Transformation.Clock.SetUtcNow(DateTimeOffset.UtcNow);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The platform stops.
        }
    }

    private static string ScreenshotFolder()
    {
        var folder = Path.Combine(SourceTree.Root, ".local", "test-results", "console-screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>The gateway in the Development environment, in front of the services given.</summary>
    public sealed class FrontDoor(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<gateway::Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Auth:Issuer", TestTokens.Issuer);
            builder.UseSetting("Auth:Audience", TestTokens.Audience);
            builder.UseSetting("Auth:SigningKey", TestTokens.SigningKey);
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ConsolePlatformCollection : ICollectionFixture<ConsolePlatform>
{
    public const string Name = "console-platform";
}

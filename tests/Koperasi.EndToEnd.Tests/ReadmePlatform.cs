extern alias funding;
extern alias gateway;
extern alias registry;
extern alias transformation;

using System.Net;
using Koperasi.FakeBank;
using Koperasi.ServiceDefaults.Identity;
using Koperasi.Testing;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Koperasi.EndToEnd.Tests;

/// <summary>
/// The platform as a reader of the README meets it after <c>./run.sh</c>: the Registry,
/// Transformation and Funding on real loopback ports, the gateway in front of them in the
/// Development environment (so it mints tokens at <c>/dev/tokens</c>), on real PostgreSQL and
/// RabbitMQ. The services' clocks follow the real time: the walkthroughs date their steps with the
/// shell's date. It holds the few koperasi the walkthroughs look for, not the demo data set.
/// </summary>
public sealed class ReadmePlatform : IAsyncLifetime
{
    private const string Name = "readme";

    private readonly CancellationTokenSource _stop = new();
    private Task _clockFollower = Task.CompletedTask;

    public ServiceHost<registry::Program> Registry { get; } = Hosts.Registry(Name, DateTimeOffset.UtcNow);

    public ServiceHost<transformation::Program> Transformation { get; } = Hosts.Transformation(Name, DateTimeOffset.UtcNow);

    public ServiceHost<funding::Program> Funding { get; private set; } = null!;

    public FrontDoor Gateway { get; private set; } = null!;

    public FakeBankServer Bank { get; private set; } = null!;

    /// <summary>The gateway's address, as the walkthroughs read it from <c>KOPERASI_URL</c>.</summary>
    public Uri GatewayAddress { get; private set; } = null!;

    public HttpClient RegistryClient { get; private set; } = null!;

    public HttpClient TransformationClient { get; private set; } = null!;

    public HttpClient FundingClient { get; private set; } = null!;

    /// <summary>The koperasi the case walkthroughs find: per regency, the ones a walkthrough may take into a case.</summary>
    public static readonly IReadOnlyDictionary<string, int> Seeded = new Dictionary<string, int>
    {
        ["1571"] = 3, // merger: a survivor and one absorbed per run
        ["1572"] = 3, // amalgamation: two participants per run (the koperasi it founds may be one of them the next time)
        ["1505"] = 2, // articles amendment: one konsumen koperasi per run, jasa afterwards
    };

    public async ValueTask InitializeAsync()
    {
        Bank = await FakeBankServer.StartAsync("http://127.0.0.1:0");
        Funding = Hosts.Funding(Name, Bank.Address, DateTimeOffset.UtcNow);

        // Consumers first: the Registry publishes as soon as a koperasi is registered.
        var transformation = StartAsync(Transformation);
        var funding = StartAsync(Funding);
        TransformationClient = Client(await transformation);
        FundingClient = Client(await funding);
        RegistryClient = Client(await StartAsync(Registry));
        _clockFollower = FollowTheRealTimeAsync(_stop.Token);

        Gateway = new FrontDoor(new Dictionary<string, string?>
        {
            ["Services:Registry"] = RegistryClient.BaseAddress!.ToString(),
            ["Services:Transformation"] = TransformationClient.BaseAddress!.ToString(),
            ["Services:Funding"] = FundingClient.BaseAddress!.ToString(),
            // As the services behind it: the tests that send many writes through it are not refused by the count.
            ["RateLimits:WritesPerMinute"] = "1000000",
        });
        Gateway.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        Gateway.StartServer();
        GatewayAddress = AddressOf(Gateway.Services);

        await SeedAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _clockFollower;
        await Gateway.DisposeAsync();
        await Registry.DisposeAsync();
        await Transformation.DisposeAsync();
        await Funding.DisposeAsync();
        await Bank.DisposeAsync();
        RegistryClient.Dispose();
        TransformationClient.Dispose();
        FundingClient.Dispose();
        _stop.Dispose();
    }

    private static async Task<Uri> StartAsync<TProgram>(ServiceHost<TProgram> host) where TProgram : class
    {
        host.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        host.StartServer();
        await host.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
        return AddressOf(host.Services);
    }

    private static Uri AddressOf(IServiceProvider services) =>
        new(services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    private static HttpClient Client(Uri address) => new HttpClient { BaseAddress = address }.As(KoperasiRoles.AdminProvinsi);

    /// <summary>
    /// Moves the services' clocks with the real time (they start at it): a token the gateway mints
    /// now is valid now, and a walkthrough's "today" is the services' today.
    /// </summary>
    private async Task FollowTheRealTimeAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                foreach (var clock in new[] { Registry.Clock, Transformation.Clock, Funding.Clock })
                {
                    if (DateTimeOffset.UtcNow > clock.GetUtcNow())
                    {
                        clock.SetUtcNow(DateTimeOffset.UtcNow);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The platform stops.
        }
    }

    private async Task SeedAsync()
    {
        var known = new List<(Guid, string)>();
        foreach (var (regency, count) in Seeded)
        {
            for (var i = 1; i <= count; i++)
            {
                var name = $"Koperasi Walkthrough {regency} {i}";
                known.Add((await Register.RegisterAsync(RegistryClient, Register.Koperasi(name, 30 + (i * 10), regency)), name));
            }
        }

        await Cases.KnownAsync(TransformationClient, [.. known]);
    }

    /// <summary>The gateway, in the Development environment (its <c>/dev/tokens</c>), in front of the services given.</summary>
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

/// <summary>
/// One <see cref="ReadmePlatform"/> for every class that uses it: its schema and entity names are
/// fixed per run, so two instances at once would share (and fight over) them.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ReadmePlatformCollection : ICollectionFixture<ReadmePlatform>
{
    public const string Name = "readme-platform";
}

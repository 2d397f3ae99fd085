using System.Net;
using Koperasi.ServiceDefaults.Identity;
using Koperasi.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

[assembly: AssemblyFixture(typeof(Koperasi.Gateway.Tests.GatewayWithRegistry))]

namespace Koperasi.Gateway.Tests;

/// <summary>
/// The gateway hosted in the test process with the services and settings a test gives it. Its
/// callers connect from <paramref name="remoteAddress"/> (loopback unless a test says otherwise: the
/// test server itself gives a request no address).
/// </summary>
public class GatewayHost(IReadOnlyDictionary<string, string?> settings, string environment = "Testing", IPAddress? remoteAddress = null) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new RemoteAddressFilter(remoteAddress ?? IPAddress.Loopback)));

        // Only the services a test names: the others of appsettings.json are turned off.
        foreach (var name in ConfiguredServices().Where(name => !settings.Keys.Any(k => string.Equals(k, $"Services:{name}", StringComparison.OrdinalIgnoreCase))))
        {
            builder.UseSetting($"Services:{name}", "");
        }

        builder.UseEnvironment(environment);
        builder.UseSetting("Auth:Issuer", TestTokens.Issuer);
        builder.UseSetting("Auth:Audience", TestTokens.Audience);
        builder.UseSetting("Auth:SigningKey", TestTokens.SigningKey);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Clients carry an admin-provinsi token unless a test removes it.</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.As(KoperasiRoles.AdminProvinsi);
    }

    /// <summary>A gateway in front of the given fake services.</summary>
    public static GatewayHost For(params FakeService[] services) =>
        For(services, new Dictionary<string, string?>());

    public static GatewayHost For(FakeService[] services, IReadOnlyDictionary<string, string?> more) =>
        new(services
            .Select(service => KeyValuePair.Create($"Services:{service.Name}", (string?)service.Address.ToString()))
            .Concat(more)
            .ToDictionary());

    /// <summary>The services the gateway's appsettings.json routes to; a test turns off those it does not start.</summary>
    public static IReadOnlyList<string> ConfiguredServices() =>
    [
        .. new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json")).Build()
            .GetSection("Services").GetChildren().Select(entry => entry.Key),
    ];
}

/// <summary>Gives every request the caller's address a real connection would have.</summary>
internal sealed class RemoteAddressFilter(IPAddress address) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, following) =>
        {
            context.Connection.RemoteIpAddress = address;
            return following(context);
        });
        next(app);
    };
}

/// <summary>A fake Registry and the gateway in front of it, shared by the tests that only read.</summary>
public sealed class GatewayWithRegistry : IAsyncLifetime
{
    public FakeService Registry { get; private set; } = null!;

    public GatewayHost Gateway { get; private set; } = null!;

    public HttpClient CreateClient() => Gateway.CreateClient();

    public async ValueTask InitializeAsync()
    {
        Registry = await FakeService.StartAsync("registry");
        Gateway = GatewayHost.For(Registry);
        _ = Gateway.Server;
    }

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Registry.DisposeAsync();
    }
}

/// <summary>An address on loopback where nothing listens.</summary>
public static class ClosedPort
{
    public static Uri Address()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }
}

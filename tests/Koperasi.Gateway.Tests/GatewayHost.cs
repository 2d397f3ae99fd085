using Koperasi.ServiceDefaults.Identity;
using Koperasi.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

[assembly: AssemblyFixture(typeof(Koperasi.Gateway.Tests.GatewayWithRegistry))]

namespace Koperasi.Gateway.Tests;

/// <summary>The gateway hosted in the test process with the services and settings a test gives it.</summary>
public class GatewayHost(IReadOnlyDictionary<string, string?> settings, string environment = "Testing") : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("Auth:Issuer", TestTokens.Issuer);
        builder.UseSetting("Auth:Audience", TestTokens.Audience);
        builder.UseSetting("Auth:SigningKey", TestTokens.SigningKey);
        // The services appsettings.json puts behind the gateway are left out (an empty address),
        // so a test's gateway has exactly the services the test gives it.
        foreach (var service in ConfiguredServices())
        {
            builder.UseSetting($"Services:{service}", "");
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    private static IEnumerable<string> ConfiguredServices()
    {
        using var appsettings = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "appsettings.json")));
        return appsettings.RootElement.TryGetProperty("Services", out var services)
            ? [.. services.EnumerateObject().Select(s => s.Name)]
            : [];
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

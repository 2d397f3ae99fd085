using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Koperasi.FakeBank;

/// <summary>
/// The fake bank on its own Kestrel: in a test process (<see cref="StartAsync"/> on
/// http://127.0.0.1:0, a free port) or as a process of its own (<see cref="FakeBankProgram"/>).
/// </summary>
public sealed class FakeBankServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeBankServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>Where the bank listens, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Address { get; }

    public Ledger Ledger => _app.Services.GetRequiredService<Ledger>();

    public Behaviour Behaviour => _app.Services.GetRequiredService<Behaviour>();

    /// <summary>
    /// Starts the bank at <paramref name="url"/> if given, else where the configuration
    /// (<c>Urls</c>, <c>ASPNETCORE_URLS</c>, <paramref name="args"/>) says, else on
    /// <see cref="FakeBankProgram.DefaultUrl"/>.
    /// </summary>
    public static async Task<FakeBankServer> StartAsync(string? url = null, string[]? args = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = args ?? [],
            ApplicationName = typeof(FakeBankServer).Assembly.GetName().Name,
        });
        var urls = url ?? builder.Configuration["Urls"] ?? builder.Configuration["ASPNETCORE_URLS"] ?? FakeBankProgram.DefaultUrl;
        builder.WebHost.UseUrls(urls);
        if (url is not null)
        {
            // In a test process, the test's output is no place for the bank's request log.
            builder.Logging.ClearProviders();
        }

        builder.Services.AddSingleton<Ledger>();
        builder.Services.AddSingleton<Behaviour>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails();

        var app = builder.Build();
        app.MapTransfers();
        app.MapControl();
        app.MapGet("/health", () => TypedResults.Ok(new { status = "ok" }));
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new FakeBankServer(app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    public Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Koperasi.FakeMinistry;

/// <summary>
/// The fake ministry on its own Kestrel: in a test process (<see cref="StartAsync"/> on
/// http://127.0.0.1:0, a free port) or as a process of its own (<see cref="FakeMinistryProgram"/>).
/// </summary>
public sealed class FakeMinistryServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeMinistryServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>Where the ministry listens, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Address { get; }

    public BatchRegistry Registry => _app.Services.GetRequiredService<BatchRegistry>();

    public Behaviour Behaviour => _app.Services.GetRequiredService<Behaviour>();

    public Script Script => _app.Services.GetRequiredService<Script>();

    /// <summary>
    /// Starts the ministry at <paramref name="url"/> if given, else where the configuration
    /// (<c>Urls</c>, <c>ASPNETCORE_URLS</c>, <paramref name="args"/>) says, else on
    /// <see cref="FakeMinistryProgram.DefaultUrl"/>.
    /// </summary>
    public static async Task<FakeMinistryServer> StartAsync(string? url = null, string[]? args = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = args ?? [],
            ApplicationName = typeof(FakeMinistryServer).Assembly.GetName().Name,
        });
        var urls = url ?? builder.Configuration["Urls"] ?? builder.Configuration["ASPNETCORE_URLS"] ?? FakeMinistryProgram.DefaultUrl;
        builder.WebHost.UseUrls(urls);
        if (url is not null)
        {
            // In a test process, the test's output is no place for the ministry's request log.
            builder.Logging.ClearProviders();
        }

        builder.Services.AddSingleton<BatchRegistry>();
        builder.Services.AddSingleton<Behaviour>();
        builder.Services.AddSingleton<Script>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails();

        var app = builder.Build();
        app.MapBatches();
        app.MapControl();
        app.MapGet("/health", () => TypedResults.Ok(new { status = "ok" }));
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new FakeMinistryServer(app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    public Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

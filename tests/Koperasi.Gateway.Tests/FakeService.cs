using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Koperasi.Gateway.Tests;

/// <summary>
/// A service as the gateway sees one, on its own Kestrel on loopback: it serves its API under
/// <c>/api/{name}/...</c> (echoing what arrived), a problem for an unknown cooperative, an
/// OpenAPI document that names its internal address, and a readiness probe the test controls.
/// </summary>
public sealed class FakeService : IAsyncDisposable
{
    /// <summary>A request header that sets the status the echo answers with.</summary>
    public const string StatusHeader = "X-Fake-Status";

    private readonly WebApplication _app;
    private int _apiRequests;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _apiQueries = new();
    private int _readinessFailures;
    private int _readinessProbes;

    private FakeService(string name, WebApplication app)
    {
        Name = name;
        _app = app;
    }

    public string Name { get; }

    public Uri Address { get; private set; } = null!;

    /// <summary>Whether <c>/health/ready</c> answers 200 (otherwise 503).</summary>
    public bool Ready { get; set; } = true;

    /// <summary>How many requests reached the service's API.</summary>
    public int ApiRequests => Volatile.Read(ref _apiRequests);

    /// <summary>How many requests reached the service's API with a raw query string containing <paramref name="fragment"/>
    /// (tests of one assembly share the service, so a count of all requests is not theirs alone).</summary>
    public int ApiRequestsWithQuery(string fragment) => _apiQueries.Count(q => q.Contains(fragment, StringComparison.OrdinalIgnoreCase));

    /// <summary>How many readiness probes arrived.</summary>
    public int ReadinessProbes => Volatile.Read(ref _readinessProbes);

    /// <summary>The next <paramref name="count"/> readiness probes answer 503, later ones as <see cref="Ready"/> says.</summary>
    public void FailNextReadinessProbes(int count) => Volatile.Write(ref _readinessFailures, count);

    public static async Task<FakeService> StartAsync(string name = "registry")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var service = new FakeService(name, builder.Build());
        service.Map();
        await service._app.StartAsync();
        var address = service._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        service.Address = new Uri(address);
        return service;
    }

    private void Map()
    {
        _app.Map($"/api/{Name}/{{**rest}}", (HttpContext context) =>
        {
            Interlocked.Increment(ref _apiRequests);
            _apiQueries.Enqueue(context.Request.QueryString.Value ?? "");
            return Echo(context);
        });
        _app.MapGet($"/api/{Name}/cooperatives/{{id:guid}}", (Guid id) => TypedResults.Problem(
            title: "Cooperative not found",
            detail: $"No cooperative has the id {id}.",
            statusCode: StatusCodes.Status404NotFound,
            type: "urn:koperasi:problem:cooperative-not-found"));
        _app.MapGet("/openapi/v1.json", () => TypedResults.Text(Document(), "application/json"));
        _app.MapGet($"/asyncapi/{Name}.json", () => TypedResults.Text(
            new JsonObject { ["asyncapi"] = "3.0.0", ["info"] = new JsonObject { ["title"] = $"Koperasi {Name} integration events", ["version"] = "1.0.0" } }.ToJsonString(),
            "application/json"));
        _app.MapGet("/health/ready", () =>
        {
            Interlocked.Increment(ref _readinessProbes);
            var failing = Interlocked.Decrement(ref _readinessFailures) >= 0;
            return Ready && !failing ? Results.Ok() : Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        });
    }

    private static async Task Echo(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var status = int.TryParse(context.Request.Headers[StatusHeader], out var requested) ? requested : StatusCodes.Status200OK;

        // A service may send its own framing policy; the front door's must win.
        context.Response.Headers.XFrameOptions = "SAMEORIGIN";
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(new Echoed(
            context.Request.Method,
            context.Request.Path,
            context.Request.QueryString.Value ?? "",
            context.Request.ContentType,
            body), context.RequestAborted);
    }

    private string Document() => new JsonObject
    {
        ["openapi"] = "3.1.1",
        ["info"] = new JsonObject { ["title"] = $"Koperasi {Name} API", ["version"] = "1.0.0" },
        ["servers"] = new JsonArray(new JsonObject { ["url"] = Address.ToString() }),
        ["paths"] = new JsonObject
        {
            [$"/api/{Name}/cooperatives"] = new JsonObject
            {
                ["get"] = new JsonObject { ["responses"] = new JsonObject { ["200"] = new JsonObject { ["description"] = "OK" } } },
            },
        },
    }.ToJsonString();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>What the fake service received, as it answers it.</summary>
public sealed record Echoed(string Method, string Path, string Query, string? ContentType, string Body);

using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Koperasi.Testing;

namespace Koperasi.Registry.Tests.Http;

/// <summary>
/// With its database out of reach the API answers 503 with problem details and Retry-After, not a
/// generic 500: a host pointed at a port where no PostgreSQL listens (the shared servers are never stopped).
/// </summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private readonly ServiceHost<Program> _registry = new ServiceHost<Program>("registry", "dboutage")
        .With("ConnectionStrings:Postgres", $"Host=127.0.0.1;Port={ClosedPort()};Database=koperasi_registry_test;Username=nobody;Password=nothing;Timeout=2")
        .With("Marten:ApplySchemaOnStartup", "false")
        .With("Marten:DaemonMode", "Disabled")
        .With("Imports:Processing", "false")
        .With("Activity:ScheduledEvaluation", "false");

    public ValueTask InitializeAsync() => _registry.InitializeAsync();

    public async ValueTask DisposeAsync() => await _registry.DisposeAsync();

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task A_read_answers_503_with_Retry_After()
    {
        using var response = await _registry.CreateClient().GetAsync(new Uri("/api/registry/cooperatives", UriKind.Relative));

        await ShouldBeUnavailableAsync(response);
    }

    [Fact]
    public async Task A_write_answers_503_with_Retry_After()
    {
        using var response = await _registry.CreateClient().PostAsJsonAsync("/api/registry/cooperatives", Api.Registration());

        await ShouldBeUnavailableAsync(response);
    }

    private static async Task ShouldBeUnavailableAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        response.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(5));
        var problem = await Api.ProblemAsync(response);
        problem["type"]!.GetValue<string>().ShouldBe("urn:koperasi:problem:database-unavailable");
        problem["status"]!.GetValue<int>().ShouldBe(503);
    }
}

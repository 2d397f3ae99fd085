using System.Net;
using System.Net.Http.Json;
using Koperasi.ServiceDefaults.Identity;

namespace Koperasi.Registry.Tests.Security;

/// <summary>One user's writes are limited per minute; reads and other users are not affected.</summary>
public sealed class WriteRateLimitTests : IAsyncLifetime
{
    private readonly IsolatedRegistryHost _registry = new("ratelimit", new DateTimeOffset(2026, 11, 22, 3, 0, 0, TimeSpan.Zero));

    public ValueTask InitializeAsync()
    {
        _registry.With("RateLimits:WritesPerMinute", "3");
        return _registry.InitializeAsync();
    }

    public ValueTask DisposeAsync() => _registry.DisposeAsync();

    [Fact]
    public async Task The_write_over_the_limit_answers_429_with_a_problem_and_Retry_After()
    {
        var officer = _registry.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            await Api.RegisterAsync(officer, Api.Registration());
        }

        var registration = Api.Registration();
        using var refused = await officer.PostAsJsonAsync("/api/registry/cooperatives", registration);

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await Api.ProblemAsync(refused))["type"]!.GetValue<string>().ShouldBe("urn:koperasi:problem:too-many-requests");
        refused.Headers.RetryAfter.ShouldNotBeNull();
        var name = Uri.EscapeDataString(registration["name"]!.GetValue<string>());
        (await Api.GetAsync(officer, $"/api/registry/cooperatives?q={name}"))["totalCount"]!.GetValue<long>().ShouldBe(0);
        await Api.RegisterAsync(_registry.CreateClientAs(KoperasiRoles.Pembina, "1571"), Api.Registration());
    }
}

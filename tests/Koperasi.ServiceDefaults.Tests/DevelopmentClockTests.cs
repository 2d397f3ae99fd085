using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koperasi.ServiceDefaults.Identity;
using Koperasi.ServiceDefaults.Time;
using Koperasi.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Koperasi.ServiceDefaults.Tests;

/// <summary>
/// The development clock (ServiceDefaults/Time/DevelopmentClock): an operator moves a service's date
/// forward in Development; Production refuses it at the registration and maps no endpoint for it.
/// </summary>
public sealed class DevelopmentClockTests
{
    private const string Policy = "clock:operate";

    [Fact]
    public async Task Production_refuses_the_development_clock_at_the_registration()
    {
        var exception = Should.Throw<InvalidOperationException>(() => Builder("Production", enabled: "true"));

        exception.Message.ShouldContain("DevelopmentClock:Enabled");
        exception.Message.ShouldContain("Production");
        Should.Throw<InvalidOperationException>(() => Builder("Staging", enabled: "true"));

        // By default Production reads the system clock and has no endpoint to move it.
        await using var app = await StartAsync(Builder("Production"));
        app.Services.GetRequiredService<TimeProvider>().ShouldBeSameAs(TimeProvider.System);
        using var client = app.GetTestClient().As(KoperasiRoles.AdminProvinsi);
        (await client.PutAsJsonAsync("/api/test/ops/clock", new { offsetDays = 70 })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync(new Uri("/api/test/ops/clock", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task In_Development_an_operator_moves_the_date_forward_and_the_service_reads_it()
    {
        await using var app = await StartAsync(Builder("Development"));
        var clock = app.Services.GetRequiredService<TimeProvider>().ShouldBeOfType<DevelopmentClock>();
        var realToday = TimeProvider.System.Today();
        using var client = app.GetTestClient().As(KoperasiRoles.AdminProvinsi);

        var before = await client.GetFromJsonAsync<JsonObject>(new Uri("/api/test/ops/clock", UriKind.Relative));
        before!["offsetDays"]!.GetValue<int>().ShouldBe(0);
        var moved = await client.PutAsJsonAsync("/api/test/ops/clock", new { offsetDays = 70 });

        moved.StatusCode.ShouldBe(HttpStatusCode.OK);
        var answer = (await moved.Content.ReadFromJsonAsync<JsonObject>())!;
        answer["offsetDays"]!.GetValue<int>().ShouldBe(70);
        DateOnly.Parse(answer["today"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).DayNumber
            .ShouldBeInRange(realToday.AddDays(70).DayNumber, realToday.AddDays(71).DayNumber);
        clock.Today().DayNumber.ShouldBeInRange(realToday.AddDays(70).DayNumber, realToday.AddDays(71).DayNumber);
        app.Services.GetRequiredService<TimeProvider>().GetUtcNow().ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddDays(69));
    }

    [Fact]
    public async Task The_clock_moves_forward_only_and_refuses_bad_offsets_with_a_problem()
    {
        await using var app = await StartAsync(Builder("Development"));
        using var client = app.GetTestClient().As(KoperasiRoles.AdminProvinsi);
        (await client.PutAsJsonAsync("/api/test/ops/clock", new { offsetDays = 30 })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var backwards = await client.PutAsJsonAsync("/api/test/ops/clock", new { offsetDays = 10 });
        backwards.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await backwards.Content.ReadFromJsonAsync<JsonObject>())!["rule"]!.GetValue<string>().ShouldBe("clock-moves-forward-only");
        foreach (var body in new object[] { new { offsetDays = -1 }, new { offsetDays = 4000 }, new { } })
        {
            var refused = await client.PutAsJsonAsync("/api/test/ops/clock", body);
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await refused.Content.ReadAsStringAsync()).ShouldContain("offsetDays");
        }

        app.Services.GetRequiredService<DevelopmentClock>().OffsetDays.ShouldBe(30, "nothing refused changed the clock");
    }

    [Fact]
    public async Task Only_the_operators_role_may_move_it()
    {
        await using var app = await StartAsync(Builder("Development"));
        using var pembina = app.GetTestClient().As(KoperasiRoles.Pembina, "1504");

        (await pembina.PutAsJsonAsync("/api/test/ops/clock", new { offsetDays = 5 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        app.Services.GetRequiredService<DevelopmentClock>().OffsetDays.ShouldBe(0);
    }

    [Fact]
    public void Only_the_date_moves_timers_keep_the_base_clocks_time()
    {
        var fake = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 3, 0, 0, TimeSpan.Zero));
        var clock = new DevelopmentClock(fake);
        var fired = 0;
        using var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromMinutes(10), Timeout.InfiniteTimeSpan);

        clock.TryMoveTo(100).ShouldBeTrue();
        clock.Today().ShouldBe(new DateOnly(2027, 3, 2));
        fired.ShouldBe(0, "moving the date does not fire a timer");
        fake.Advance(TimeSpan.FromMinutes(10));
        fired.ShouldBe(1);
        clock.GetUtcNow().ShouldBe(fake.GetUtcNow().AddDays(100));
    }

    private static WebApplicationBuilder Builder(string environment, string? enabled = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseTestServer();
        builder.Configuration["Auth:Issuer"] = TestTokens.Issuer;
        builder.Configuration["Auth:Audience"] = TestTokens.Audience;
        builder.Configuration["Auth:SigningKey"] = TestTokens.SigningKey;
        if (enabled is not null)
        {
            builder.Configuration[DevelopmentClock.Setting] = enabled;
        }

        builder.AddServiceDefaults("clock-test", new Dictionary<string, string[]> { [Policy] = [KoperasiRoles.AdminProvinsi] });
        return builder;
    }

    private static async Task<WebApplication> StartAsync(WebApplicationBuilder builder)
    {
        var app = builder.Build();
        app.UseServiceDefaults();
        app.MapGroup("/api/test").MapDevelopmentClock(Policy);
        await app.StartAsync();
        return app;
    }
}

using System.Net;
using System.Text.Json.Nodes;
using Koperasi.ServiceDefaults.Identity;
using Koperasi.ServiceDefaults.Telemetry;
using Koperasi.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Koperasi.ServiceDefaults.Tests;

/// <summary>
/// A service's last logged errors (ServiceDefaults/Telemetry/RecentErrors): every error the process
/// logs, NIKs masked, newest first, at most <see cref="RecentErrors.Capacity"/>, read by an operator
/// only at <c>GET .../ops/errors</c>.
/// </summary>
public sealed class RecentErrorsTests
{
    private const string Policy = "errors:operate";
    private const string Nik = "1503015507900001";

    [Fact]
    public async Task An_operator_reads_the_last_errors_newest_first_with_every_NIK_masked()
    {
        await using var app = await StartAsync();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Koperasi.Test.Consumer");
        logger.LogWarning("a warning is not an error");
        logger.LogError(new InvalidOperationException($"applicant {Nik} refused"), "Could not apply {Nik}", Nik);
        logger.LogCritical("the last one");
        using var operatorClient = app.GetTestClient().As(KoperasiRoles.AdminProvinsi);

        using var answer = await operatorClient.GetAsync(new Uri("/api/test/ops/errors", UriKind.Relative), TestContext.Current.CancellationToken);

        answer.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        text.ShouldNotContain(Nik);
        var errors = JsonNode.Parse(text)!.AsArray();
        errors.Select(e => e!["message"]!.GetValue<string>()).ShouldBe(["the last one", "Could not apply 150301******0001"]);
        errors[1]!["category"]!.GetValue<string>().ShouldBe("Koperasi.Test.Consumer");
        errors[1]!["exceptionType"]!.GetValue<string>().ShouldBe("System.InvalidOperationException");
        errors[1]!["exceptionMessage"]!.GetValue<string>().ShouldBe("applicant 150301******0001 refused");
    }

    [Fact]
    public async Task Only_the_last_errors_are_kept_and_only_an_operator_reads_them()
    {
        await using var app = await StartAsync();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Koperasi.Test");
        for (var i = 1; i <= RecentErrors.Capacity + 5; i++)
        {
            logger.LogError("error {Number}", i);
        }

        var kept = app.Services.GetRequiredService<RecentErrors>().Latest();
        kept.Count.ShouldBe(RecentErrors.Capacity);
        kept[0].Message.ShouldBe($"error {RecentErrors.Capacity + 5}");
        kept[^1].Message.ShouldBe("error 6");

        using var pembina = app.GetTestClient().As(KoperasiRoles.Pembina, "1504");
        (await pembina.GetAsync(new Uri("/api/test/ops/errors", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private static async Task<WebApplication> StartAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseTestServer();
        builder.Configuration["Auth:Issuer"] = TestTokens.Issuer;
        builder.Configuration["Auth:Audience"] = TestTokens.Audience;
        builder.Configuration["Auth:SigningKey"] = TestTokens.SigningKey;
        builder.AddServiceDefaults("errors-test", new Dictionary<string, string[]> { [Policy] = [KoperasiRoles.AdminProvinsi] });
        var app = builder.Build();
        app.UseServiceDefaults();
        app.MapGroup("/api/test").MapRecentErrors(Policy);
        await app.StartAsync();
        return app;
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koperasi.ServiceDefaults.Identity;
using Koperasi.Testing;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Koperasi.Gateway.Tests;

/// <summary>Development mints tokens for any role, for a caller on loopback only; no other environment has the route.</summary>
public sealed class DevelopmentTokenTests : IAsyncLifetime
{
    private FakeService _registry = null!;
    private GatewayHost _development = null!;

    public async ValueTask InitializeAsync()
    {
        _registry = await FakeService.StartAsync("registry");
        _development = new GatewayHost(new Dictionary<string, string?> { ["Services:Registry"] = _registry.Address.ToString() }, "Development");
    }

    public async ValueTask DisposeAsync()
    {
        await _development.DisposeAsync();
        await _registry.DisposeAsync();
    }

    [Fact]
    public async Task A_development_token_carries_the_role_and_regencies_and_is_accepted()
    {
        var anonymous = _development.CreateClient();
        anonymous.DefaultRequestHeaders.Authorization = null;

        var issued = await anonymous.GetFromJsonAsync<JsonObject>("/dev/tokens/pembina?regency=15.01&regency=1502&name=siti");

        var token = issued!["accessToken"]!.GetValue<string>();
        issued["regencies"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe(["1501", "1502"]);
        var options = _development.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);
        var validated = await new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().ValidateTokenAsync(token, options.TokenValidationParameters);
        validated.IsValid.ShouldBeTrue(validated.Exception?.Message);
        validated.ClaimsIdentity.FindAll(KoperasiRoles.RoleClaim).Select(c => c.Value).ShouldBe(["pembina"]);
        validated.ClaimsIdentity.FindFirst(KoperasiRoles.NameClaim)!.Value.ShouldBe("siti");

        var raw = await anonymous.GetStringAsync(new Uri("/dev/tokens/auditor?raw=true", UriKind.Relative));
        anonymous.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", raw);
        using var proxied = await anonymous.GetAsync(new Uri("/api/registry/cooperatives", UriKind.Relative));
        proxied.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_pembina_token_without_a_name_is_one_user_per_regency()
    {
        var anonymous = _development.CreateClient();
        anonymous.DefaultRequestHeaders.Authorization = null;
        var options = _development.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);
        async Task<(string Answered, string InToken)> UserAsync(string query)
        {
            var issued = await anonymous.GetFromJsonAsync<JsonObject>($"/dev/tokens/{query}");
            var validated = await new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().ValidateTokenAsync(issued!["accessToken"]!.GetValue<string>(), options.TokenValidationParameters);
            return (issued["user"]!.GetValue<string>(), validated.ClaimsIdentity.FindFirst(KoperasiRoles.NameClaim)!.Value);
        }

        (await UserAsync("pembina?regency=1502")).ShouldBe(("dev-pembina-1502", "dev-pembina-1502"));
        (await UserAsync("pembina?regency=15.02")).InToken.ShouldBe("dev-pembina-1502");
        (await UserAsync("pembina?regency=1501")).InToken.ShouldBe("dev-pembina-1501");
        (await UserAsync("pembina?regency=1502&regency=1501")).InToken.ShouldBe("dev-pembina-1501-1502");
        (await UserAsync("pembina?regency=1501&name=siti")).InToken.ShouldBe("siti");
        (await UserAsync("auditor")).InToken.ShouldBe("dev-auditor");
    }

    [Fact]
    public async Task A_Kemendagri_regency_code_is_put_in_the_token_as_its_BPS_code()
    {
        var anonymous = _development.CreateClient();
        anonymous.DefaultRequestHeaders.Authorization = null;

        var issued = await anonymous.GetFromJsonAsync<JsonObject>("/dev/tokens/pendamping?regency=15.06&regency=15.09&regency=1506");

        // 15.06 is Tanjung Jabung Barat (BPS 1507), 15.09 Tebo (BPS 1508); 1506 is Tanjung Jabung Timur.
        issued!["regencies"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe(["1507", "1508", "1506"]);
    }

    [Theory]
    [InlineData("/dev/tokens/pendamping?regency=15.10", "regency")]
    [InlineData("/dev/tokens/juragan", "role")]
    [InlineData("/dev/tokens/pembina", "regency")]
    [InlineData("/dev/tokens/pendamping?regency=9999", "regency")]
    public async Task A_wrong_request_answers_400_naming_the_parameter(string url, string field)
    {
        var client = _development.CreateClient();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().ContainsKey(field).ShouldBeTrue();
    }

    [Theory]
    [InlineData("203.0.113.7")]
    [InlineData("10.0.0.5")]
    [InlineData("172.17.0.1")]
    [InlineData("::ffff:192.168.1.20")]
    [InlineData("2001:db8::1")]
    public async Task In_development_a_caller_from_another_machine_finds_no_route(string address)
    {
        await using var gateway = new GatewayHost(
            new Dictionary<string, string?> { ["Services:Registry"] = _registry.Address.ToString() }, "Development", IPAddress.Parse(address));
        var anonymous = gateway.CreateClient();
        anonymous.DefaultRequestHeaders.Authorization = null;

        using var response = await anonymous.GetAsync(new Uri("/dev/tokens/admin-provinsi?raw=true", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("eyJ", customMessage: "no token in the answer");
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.10.0.3")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    public async Task In_development_a_caller_on_loopback_gets_a_token(string address)
    {
        await using var gateway = new GatewayHost(
            new Dictionary<string, string?> { ["Services:Registry"] = _registry.Address.ToString() }, "Development", IPAddress.Parse(address));
        var anonymous = gateway.CreateClient();
        anonymous.DefaultRequestHeaders.Authorization = null;

        var token = await anonymous.GetStringAsync(new Uri("/dev/tokens/auditor?raw=true", UriKind.Relative));

        token.Split('.').Length.ShouldBe(3, "a signed JWT");
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Testing")]
    public async Task Outside_development_the_route_does_not_exist(string environment)
    {
        await using var gateway = new GatewayHost(new Dictionary<string, string?> { ["Services:Registry"] = _registry.Address.ToString() }, environment);
        var signedIn = gateway.CreateClient();
        var anonymous = gateway.CreateClient();
        anonymous.DefaultRequestHeaders.Authorization = null;

        using var withToken = await signedIn.GetAsync(new Uri("/dev/tokens/admin-provinsi", UriKind.Relative));
        using var withoutToken = await anonymous.GetAsync(new Uri("/dev/tokens/admin-provinsi", UriKind.Relative));

        withToken.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        withoutToken.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await EndpointCatalog.ReadAsync(gateway.Services)).ShouldNotContain(e => e.Route.StartsWith("/dev", StringComparison.Ordinal));
    }
}

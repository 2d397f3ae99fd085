extern alias gateway;

using System.Net;
using Koperasi.Console.SignIn;
using Koperasi.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Koperasi.Console.Tests;

/// <summary>
/// The development sign-in (choose a role, a regency and a name) exists only in the Development
/// environment and answers only a caller on this machine; everywhere else the sign-in page does not
/// offer it and its form post is not found. No service runs behind the gateway here.
/// </summary>
public class DevelopmentSignInTests
{
    [Fact]
    public async Task In_Development_on_loopback_the_page_offers_it_and_signing_in_opens_a_session()
    {
        await using var gateway = new ConsoleOnly("Development", IPAddress.Loopback);
        using var client = gateway.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        var page = await client.GetStringAsync(new Uri("/masuk", UriKind.Relative));
        page.ShouldContain($"action=\"{DevelopmentSignIn.Path}\"");

        using var response = await client.PostAsync(new Uri(DevelopmentSignIn.Path, UriKind.Relative), Form(page, "pembina", "1502", "budi"));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/");
        response.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith("koperasi-console=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Signing_in_opens_the_page_asked_for_before_and_never_another_site()
    {
        await using var gateway = new ConsoleOnly("Development", IPAddress.Loopback);
        using var client = gateway.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        // A page without a session sends to /masuk with the page to come back to; the form carries it.
        using var asked = await client.GetAsync(new Uri("/dumisake?program=1", UriKind.Relative));
        asked.StatusCode.ShouldBe(HttpStatusCode.Found);
        var signIn = asked.Headers.Location!.PathAndQuery;
        var page = await client.GetStringAsync(new Uri(signIn, UriKind.Relative));
        page.ShouldContain("name=\"kembali\" value=\"/dumisake?program=1\"");

        using var response = await client.PostAsync(new Uri(DevelopmentSignIn.Path, UriKind.Relative), Form(page, "admin-provinsi", "", "ani", "/dumisake?program=1"));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/dumisake?program=1");
    }

    [Theory]
    [InlineData("/kasus/batch", "/kasus/batch")]
    [InlineData(null, "/")]
    [InlineData("", "/")]
    [InlineData("https://contoh.invalid/masuk", "/")]
    [InlineData("//contoh.invalid/", "/")]
    [InlineData("/\\contoh.invalid", "/")]
    [InlineData("dumisake", "/")]
    [InlineData("/masuk?ReturnUrl=/masuk", "/")]
    public void The_page_to_return_to_is_a_path_of_this_site(string? requested, string opened) =>
        ConsoleAuth.PageToReturnTo(requested).ShouldBe(opened);

    [Fact]
    public async Task A_pembina_without_a_regency_or_an_unknown_role_is_sent_back_to_the_form()
    {
        await using var gateway = new ConsoleOnly("Development", IPAddress.Loopback);
        using var client = gateway.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var page = await client.GetStringAsync(new Uri("/masuk", UriKind.Relative));

        using var noRegency = await client.PostAsync(new Uri(DevelopmentSignIn.Path, UriKind.Relative), Form(page, "pembina", "", "budi"));
        noRegency.Headers.Location!.OriginalString.ShouldBe("/masuk?galat=kabupaten");
        using var unknown = await client.PostAsync(new Uri(DevelopmentSignIn.Path, UriKind.Relative), Form(page, "superuser", "", "x"));
        unknown.Headers.Location!.OriginalString.ShouldBe("/masuk?galat=peran");
        noRegency.Headers.Contains("Set-Cookie").ShouldBe(false);
    }

    [Theory]
    [InlineData("Development", "192.0.2.10")]
    [InlineData("Production", "127.0.0.1")]
    [InlineData("Testing", "127.0.0.1")]
    public async Task Elsewhere_it_is_neither_offered_nor_answered(string environment, string remote)
    {
        await using var gateway = new ConsoleOnly(environment, IPAddress.Parse(remote));
        using var client = gateway.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        var page = await client.GetStringAsync(new Uri("/masuk", UriKind.Relative));
        page.ShouldNotContain(DevelopmentSignIn.Path);
        page.ShouldNotContain("name=\"role\"");

        using var response = await client.PostAsync(new Uri(DevelopmentSignIn.Path, UriKind.Relative), Form(page, "admin-provinsi", "", "x"));
        // No such route: not found in Development; elsewhere an unknown path falls to the API's default (401 without a token).
        // (From another machine in Development the page carries no form, so no antiforgery token either: 400.)
        response.StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.Unauthorized, HttpStatusCode.BadRequest);
        response.Headers.Contains("Set-Cookie").ShouldBe(false);
    }

    [Fact]
    public async Task In_Development_a_form_posted_from_another_machine_is_not_answered()
    {
        // The form and its antiforgery token as this machine got them, posted from another one.
        await using var gateway = new ConsoleOnly("Development", IPAddress.Loopback);
        using var client = gateway.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var page = await client.GetStringAsync(new Uri("/masuk", UriKind.Relative));
        gateway.Remote.Address = IPAddress.Parse("192.0.2.10");

        using var response = await client.PostAsync(new Uri(DevelopmentSignIn.Path, UriKind.Relative), Form(page, "admin-provinsi", "", "x"));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Headers.Contains("Set-Cookie").ShouldBe(false);
    }

    [Fact]
    public async Task A_console_page_without_a_session_sends_the_browser_to_sign_in()
    {
        await using var gateway = new ConsoleOnly("Production", IPAddress.Loopback);
        using var client = gateway.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        foreach (var path in new[] { "/", "/register", "/kerja", $"/register/{Guid.NewGuid()}" })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            response.StatusCode.ShouldBe(HttpStatusCode.Found, path);
            response.Headers.Location!.AbsolutePath.ShouldBe("/masuk", path);
        }

        // A bearer token is the API's credential, not a console session.
        client.As(ServiceDefaults.Identity.KoperasiRoles.AdminProvinsi);
        using var withToken = await client.GetAsync(new Uri("/", UriKind.Relative));
        withToken.StatusCode.ShouldBe(HttpStatusCode.Found);
    }

    private static FormUrlEncodedContent Form(string page, string role, string regency, string name, string? kembali = null)
    {
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        return new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["role"] = role,
            ["regency"] = regency,
            ["name"] = name,
            ["kembali"] = kembali ?? "/",
        });
    }

    /// <summary>The gateway alone (no service behind it) in an environment, its callers coming from <paramref name="remote"/>.</summary>
    private sealed class ConsoleOnly(string environment, IPAddress remote) : WebApplicationFactory<gateway::Program>
    {
        /// <summary>Where the next requests come from; a test moves it.</summary>
        public RemoteBox Remote { get; } = new() { Address = remote };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.Alone(environment);
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new RemoteAddress(Remote)));
        }
    }

    private sealed class RemoteBox
    {
        public required IPAddress Address { get; set; }
    }

    private sealed class RemoteAddress(RemoteBox remote) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                context.Connection.RemoteIpAddress = remote.Address;
                return following(context);
            });
            next(app);
        };
    }
}

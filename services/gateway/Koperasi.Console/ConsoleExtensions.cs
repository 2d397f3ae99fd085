using Koperasi.Console.Components;
using Koperasi.Console.Gateway;
using Koperasi.Console.SignIn;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Koperasi.Console;

/// <summary>
/// The console in a host (the gateway): <see cref="AddKoperasiConsole"/> on the builder,
/// <see cref="MapKoperasiConsole"/> after the host's authentication and authorization. Every page
/// is rendered on the server as plain HTML (static server rendering, no script, no live circuit).
/// </summary>
public static class ConsoleExtensions
{
    /// <summary>The key of <c>HttpContext.Items</c> that marks an answer as a console page (the host picks its CSP by it).</summary>
    public const string PageMarker = "Koperasi.Console.Page";

    /// <summary>The page's content security policy: our own styles and forms only, no script at all.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'self'";

    public static IHostApplicationBuilder AddKoperasiConsole(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddSingleton<Formatting.HariIni>();
        ConsoleAuth.Add(builder);
        builder.Services.AddHttpClient<GatewayApi>((services, http) =>
        {
            http.BaseAddress = GatewayAddress(services, builder.Configuration["Console:GatewayUrl"]);
            http.Timeout = TimeSpan.FromSeconds(30);
        });
        // The Operasi page's probes of the services' health and metrics and of RabbitMQ's management API.
        builder.Services.AddHttpClient<Operasi.PantauanOperasi>(http => http.Timeout = TimeSpan.FromSeconds(10));
        return builder;
    }

    public static WebApplication MapKoperasiConsole(this WebApplication app)
    {
        app.UseAntiforgery();
        app.Use((context, next) =>
        {
            if (IsConsolePath(context.Request.Path))
            {
                context.Items[PageMarker] = true;
            }

            return next(context);
        });
        ConsoleAssets.Map(app);
        DevelopmentSignIn.Map(app);
        ConsoleAuth.MapSignInAndOut(app);
        Pages.Laporan.UnduhRegister.Map(app);
        app.MapRazorComponents<App>();
        return app;
    }

    /// <summary>Paths of the console (everything but the API, the documents, the reference, health and the development tokens).</summary>
    public static bool IsConsolePath(PathString path) =>
        !(path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/reference")
          || path.StartsWithSegments("/dev") || path.StartsWithSegments("/health") || path.StartsWithSegments("/metrics")
          || path.StartsWithSegments("/alive") || path.StartsWithSegments("/_framework"));

    /// <summary>
    /// The front door the console calls: <c>Console:GatewayUrl</c> when set, otherwise this host's own
    /// first address (the console lives in the gateway), with a wildcard host read as loopback.
    /// </summary>
    private static Uri GatewayAddress(IServiceProvider services, string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new Uri(configured.TrimEnd('/') + "/");
        }

        var address = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? "http://127.0.0.1:8080";
        address = address.Replace("://+", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://*", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal);
        return new Uri(address.TrimEnd('/') + "/");
    }
}

using Koperasi.Testing;
using Microsoft.AspNetCore.Hosting;

namespace Koperasi.Console.Tests;

/// <summary>The gateway's settings for a host of it alone: an environment, the test tokens' key, no service behind it.</summary>
internal static class GatewayAlone
{
    public static IWebHostBuilder Alone(this IWebHostBuilder builder, string environment) => builder
        .UseEnvironment(environment)
        .UseSetting("Auth:Issuer", TestTokens.Issuer)
        .UseSetting("Auth:Audience", TestTokens.Audience)
        .UseSetting("Auth:SigningKey", TestTokens.SigningKey)
        .UseSetting("Services:Registry", "")
        .UseSetting("Services:Transformation", "")
        .UseSetting("Services:Funding", "");
}

namespace Koperasi.Gateway.Tests;

public class ConfigurationTests
{
    [Theory]
    [InlineData("Services:Registry", "registry.local:5101", "is not an absolute http(s) address")]
    [InlineData("Services:Registry", "ftp://127.0.0.1/", "is not an absolute http(s) address")]
    [InlineData("Services:Registry_2", "http://127.0.0.1:5101/", "letters, digits and hyphens")]
    public void A_wrong_service_entry_stops_the_start_and_says_why(string key, string value, string reason)
    {
        using var gateway = new GatewayHost(new Dictionary<string, string?> { [key] = value });

        var failure = Should.Throw<InvalidOperationException>(() => gateway.Server);

        failure.Message.ShouldContain(key);
        failure.Message.ShouldContain(reason);
    }
}

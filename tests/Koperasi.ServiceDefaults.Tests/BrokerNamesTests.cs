using Koperasi.ServiceDefaults.Messaging;

namespace Koperasi.ServiceDefaults.Tests;

/// <summary>
/// The names a service gives its queues are what its broker user's permissions in the running
/// system are written against (deploy/services.txt): every queue starts with "service-".
/// </summary>
public class BrokerNamesTests
{
    [Fact]
    public void In_the_running_system_a_consumer_queue_starts_with_the_service()
    {
        new BrokerNames("registry", null).EndpointNameFormatter.Consumer<GreetingConsumer>().ShouldBe("registry-greeting");
    }

    [Fact]
    public void A_test_run_puts_its_prefix_before_the_service()
    {
        var names = new BrokerNames("transformation", "t1a2b3c-e2e");

        names.QueuePrefix.ShouldBe("t1a2b3c-e2e.transformation-");
        names.EndpointNameFormatter.Consumer<GreetingConsumer>().ShouldBe("t1a2b3c-e2e.transformation-greeting");
    }

    [Fact]
    public void The_bus_endpoint_starts_with_the_service_and_differs_per_process()
    {
        var names = new BrokerNames("funding", null);

        var first = names.CreateBusEndpointName();
        var second = names.CreateBusEndpointName();

        first.ShouldStartWith("funding-bus-");
        first.ShouldMatch("^[a-z0-9-]+$");
        second.ShouldNotBe(first);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Registry")]
    [InlineData("registry-read")]
    [InlineData("koperasi:registry")]
    [InlineData("1registry")]
    public void A_service_name_is_lower_case_letters_and_digits(string service)
    {
        Should.Throw<ArgumentException>(() => new BrokerNames(service, null));
    }
}

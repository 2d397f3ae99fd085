using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koperasi.Testing;

namespace Koperasi.Registry.Tests.Messaging;

/// <summary>
/// The Registry's queues for approvals and paid grants exist, durable, quorum and bound to the contracts, as
/// soon as it has started: a message published while the Registry is stopped waits there for it.
/// </summary>
public sealed class ConsumerQueuesTests() : TransformationHarness("queues")
{
    [Theory]
    [InlineData("registry-apply-merger", "koperasi:transformation:merger-approved:v1")]
    [InlineData("registry-apply-amalgamation", "koperasi:transformation:amalgamation-approved:v1")]
    [InlineData("registry-apply-articles-amendment", "koperasi:transformation:articles-amendment-approved:v1")]
    [InlineData("registry-apply-dissolution", "koperasi:transformation:dissolution-completed:v1")]
    [InlineData("registry-record-government-aid", "koperasi:funding:grant-disbursed:v1")]
    public async Task Each_consumed_contract_has_a_durable_queue_bound_to_its_contract(string queue, string contract)
    {
        using var admin = BrokerAdmin.CreateClient();
        var vhost = Uri.EscapeDataString(TestInfrastructure.TestVirtualHost);

        var declared = await admin.GetFromJsonAsync<JsonObject>($"queues/{vhost}/{Uri.EscapeDataString($"{EntityPrefix}.{queue}")}");
        // The publisher's exchange feeds the Registry's own exchange for the contract (the Registry
        // may not configure another service's exchange), which feeds the queue.
        var subscription = $"{EntityPrefix}.registry-{contract}";
        var fromContract = await admin.GetFromJsonAsync<JsonArray>($"exchanges/{vhost}/{Uri.EscapeDataString($"{EntityPrefix}.{contract}")}/bindings/source");
        var fromSubscription = await admin.GetFromJsonAsync<JsonArray>($"exchanges/{vhost}/{Uri.EscapeDataString(subscription)}/bindings/source");

        declared!["durable"]!.GetValue<bool>().ShouldBeTrue();
        // Quorum, so a RabbitMQ cluster replicates it; replicas of the Registry compete on it.
        declared["type"]!.GetValue<string>().ShouldBe("quorum");
        fromContract!.Select(b => b!["destination"]!.GetValue<string>()).ShouldContain(subscription);
        fromSubscription!.Select(b => b!["destination"]!.GetValue<string>()).ShouldContain($"{EntityPrefix}.{queue}");
    }
}

using Koperasi.ServiceDefaults.Messaging;
using MassTransit;

namespace Koperasi.ServiceDefaults.Tests;

public class ContractEntityNameFormatterTests
{
    private sealed class ClrNames : IEntityNameFormatter
    {
        public string FormatEntityName<T>() => typeof(T).FullName!;
    }

    private sealed record Internal(int Value);

    [Fact]
    public void A_contract_exchange_is_named_by_its_URN_whatever_its_namespace()
    {
        new ContractEntityNameFormatter(new ClrNames(), null).FormatEntityName<MemberGreeted>().ShouldBe("koperasi:test:member-greeted:v1");
    }

    [Fact]
    public void A_prefix_isolates_a_run()
    {
        new ContractEntityNameFormatter(new ClrNames(), "t1").FormatEntityName<MemberGreeted>().ShouldBe("t1.koperasi:test:member-greeted:v1");
    }

    [Fact]
    public void A_message_without_URN_keeps_the_transport_name()
    {
        new ContractEntityNameFormatter(new ClrNames(), null).FormatEntityName<Internal>().ShouldBe(typeof(Internal).FullName);
    }
}

[MassTransit.MessageUrn("koperasi:registry:probe-noted:v1")]
public sealed record RegistryProbeNoted(Guid Id);

[MassTransit.MessageUrn("koperasi:funding:probe-paid:v1")]
public sealed record FundingProbePaid(Guid Id);

/// <summary>A service consumes another service's contract through an exchange of its own, which the publisher's exchange feeds.</summary>
public class ContractSubscriptionsTests
{
    private sealed class ClrNames : IEntityNameFormatter
    {
        public string FormatEntityName<T>() => typeof(T).FullName!;
    }

    [Fact]
    public void Another_services_contract_is_named_after_the_service_and_bound_from_the_publishers_exchange()
    {
        var subscriptions = new ContractSubscriptions(new BrokerNames("registry", null));
        var formatter = new ContractEntityNameFormatter(new ClrNames(), null, subscriptions);

        formatter.FormatEntityName<FundingProbePaid>().ShouldBe("registry-koperasi:funding:probe-paid:v1");
        formatter.FormatEntityName<RegistryProbeNoted>().ShouldBe("koperasi:registry:probe-noted:v1", "its own contract keeps the publisher's name");
        subscriptions.Links.ShouldBe(new Dictionary<string, string> { ["koperasi:funding:probe-paid:v1"] = "registry-koperasi:funding:probe-paid:v1" });
    }

    [Fact]
    public void A_test_runs_prefix_applies_to_both_ends()
    {
        var subscriptions = new ContractSubscriptions(new BrokerNames("transformation", "t1"));
        var formatter = new ContractEntityNameFormatter(new ClrNames(), "t1", subscriptions);

        formatter.FormatEntityName<RegistryProbeNoted>().ShouldBe("t1.transformation-koperasi:registry:probe-noted:v1");
        subscriptions.Links["t1.koperasi:registry:probe-noted:v1"].ShouldBe("t1.transformation-koperasi:registry:probe-noted:v1");
    }
}

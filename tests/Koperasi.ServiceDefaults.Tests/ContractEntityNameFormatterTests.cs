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

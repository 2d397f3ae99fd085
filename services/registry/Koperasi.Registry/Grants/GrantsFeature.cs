using Koperasi.Contracts.Funding;
using MassTransit;

namespace Koperasi.Registry.Grants;

/// <summary>
/// What the Registry consumes from Funding: grants paid, on their own durable queue
/// (registry-record-government-aid), created at start-up so payments made while the Registry is
/// down wait there.
/// </summary>
public static class GrantsFeature
{
    /// <summary>Grants handled at once; those for one koperasi wait for each other instead of racing on its stream.</summary>
    public const int Partitions = 16;

    public static void AddGrantConsumers(this IBusRegistrationConfigurator bus) =>
        bus.AddConsumer<RecordGovernmentAid>(consumer => consumer.Message<GrantDisbursed>(message =>
            message.UsePartitioner(Partitions, context => context.Message.CooperativeId ?? context.Message.ApplicationId)));
}

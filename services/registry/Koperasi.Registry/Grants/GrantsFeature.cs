using Koperasi.Contracts.Funding;
using Koperasi.ServiceDefaults.Messaging;
using MassTransit;

namespace Koperasi.Registry.Grants;

/// <summary>
/// What the Registry consumes from Funding: grants paid, on their own durable queue
/// (registry-record-government-aid), created at start-up so payments made while the Registry is
/// down wait there.
/// </summary>
public static class GrantsFeature
{
    /// <summary>Grants for one koperasi wait for each other instead of racing on its stream.</summary>
    public static void AddGrantConsumers(this IBusRegistrationConfigurator bus) =>
        bus.AddPartitionedConsumer<RecordGovernmentAid, GrantDisbursed>(grant => grant.CooperativeId ?? grant.ApplicationId);
}

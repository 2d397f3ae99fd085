using Koperasi.Registry.Messaging.Consumers;
using Koperasi.ServiceDefaults.Messaging;
using MassTransit;
using Funding = Koperasi.Contracts.Funding;
using Transformation = Koperasi.Contracts.Transformation;

namespace Koperasi.Registry.Messaging;

/// <summary>
/// Every consumer of this service, one per contract, each in its own file under
/// <c>Messaging/Consumers</c> (docs/adr/0012): the transformations the Transformation service
/// approved (registry-apply-merger, ...) and the grants Funding paid
/// (registry-record-government-aid). Each has its own durable queue, created at start-up, so
/// messages published while the Registry is down wait there. All share one partitioner: one
/// case's approval, or grants for one koperasi, take their turn instead of racing on its streams.
/// </summary>
public static class RegistryConsumers
{
    public static void AddRegistryConsumers(this IBusRegistrationConfigurator bus)
    {
        var partitioner = PartitionedConsumers.CreatePartitioner();
        bus.AddPartitionedConsumer<ApplyMerger, Transformation.MergerApproved>(partitioner, m => m.CaseId);
        bus.AddPartitionedConsumer<ApplyAmalgamation, Transformation.AmalgamationApproved>(partitioner, m => m.CaseId);
        bus.AddPartitionedConsumer<ApplyArticlesAmendment, Transformation.ArticlesAmendmentApproved>(partitioner, m => m.CaseId);
        bus.AddPartitionedConsumer<ApplyDissolution, Transformation.DissolutionCompleted>(partitioner, m => m.CaseId);
        bus.AddPartitionedConsumer<RecordDissolving, Transformation.DissolutionCaseOpened>(partitioner, m => m.CaseId);
        bus.AddPartitionedConsumer<RecordLiquidation, Transformation.DissolutionDecided>(partitioner, m => m.CaseId);
        bus.AddPartitionedConsumer<RecordDissolutionCaseClosed, Transformation.DissolutionCaseClosed>(partitioner, m => m.CaseId);
        bus.AddPartitionedConsumer<RecordGovernmentAid, Funding.GrantDisbursed>(partitioner, grant => grant.CooperativeId ?? grant.ApplicationId);
    }
}

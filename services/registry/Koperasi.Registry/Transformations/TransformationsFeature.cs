using MassTransit;

namespace Koperasi.Registry.Transformations;

/// <summary>
/// Applying the transformations the Transformation service approved: one consumer per contract,
/// each on its own durable queue (registry-apply-merger, ...), created at start-up by
/// ConfigureEndpoints so approvals published while the Registry is down wait there.
/// </summary>
public static class TransformationsFeature
{
    public static void AddTransformationConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<ApplyMerger>();
        bus.AddConsumer<ApplyAmalgamation>();
        bus.AddConsumer<ApplyArticlesAmendment>();
    }
}

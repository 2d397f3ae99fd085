using MassTransit;

namespace Koperasi.Funding.Cooperatives;

/// <summary>The Registry's facts Funding keeps for the koperasi rule.</summary>
public static class CooperativesFeature
{
    public static void AddCooperativeConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<CooperativeRegisteredConsumer>();
        bus.AddConsumer<CooperativeActivityChangedConsumer>();
        bus.AddConsumer<CooperativeDissolvedConsumer>();
        bus.AddConsumer<CooperativeAmendedConsumer>();
    }
}

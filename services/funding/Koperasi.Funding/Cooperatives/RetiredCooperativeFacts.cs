using Marten;

namespace Koperasi.Funding.Cooperatives;

// Before docs/adr/0012 Funding recorded what it learned from the Registry as events of its own, one
// stream per koperasi. They are no longer written: the Registry's facts are kept in the
// CooperativeReplica document. The types stay mapped so a store from before can still read its
// event table (a relay replay pages through every event); nothing folds or publishes them.

public sealed record CooperativeRegistrationNoted(Guid CooperativeId, long SourceVersion, string Name, string RegencyCode, DateOnly DecreeDate);

public sealed record CooperativeActivityNoted(Guid CooperativeId, long SourceVersion, string Activity, DateOnly EffectiveOn);

public sealed record CooperativeDissolutionNoted(Guid CooperativeId, long SourceVersion, string Reason, DateOnly EffectiveOn);

public sealed record CooperativeProfileNoted(Guid CooperativeId, long SourceVersion, string? Name, string? RegencyCode);

/// <summary>Stored names of the retired events.</summary>
public static class RetiredCooperativeFactNames
{
    public static void Register(StoreOptions options)
    {
        options.Events.MapEventType<CooperativeRegistrationNoted>("cooperative-registration-noted");
        options.Events.MapEventType<CooperativeActivityNoted>("cooperative-activity-noted");
        options.Events.MapEventType<CooperativeDissolutionNoted>("cooperative-dissolution-noted");
        options.Events.MapEventType<CooperativeProfileNoted>("cooperative-profile-noted");
    }
}

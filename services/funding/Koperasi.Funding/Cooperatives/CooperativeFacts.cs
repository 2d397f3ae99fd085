using Marten;

namespace Koperasi.Funding.Cooperatives;

// What Funding learned from the Registry about a koperasi, one stream per koperasi in Funding's
// own store. Each fact carries the Registry stream version it came from (SourceVersion).

public sealed record CooperativeRegistrationNoted(Guid CooperativeId, long SourceVersion, string Name, string RegencyCode, DateOnly DecreeDate);

public sealed record CooperativeActivityNoted(Guid CooperativeId, long SourceVersion, string Activity, DateOnly EffectiveOn);

public sealed record CooperativeDissolutionNoted(Guid CooperativeId, long SourceVersion, string Reason, DateOnly EffectiveOn);

/// <summary>New articles: a new name or domicile, where they changed.</summary>
public sealed record CooperativeProfileNoted(Guid CooperativeId, long SourceVersion, string? Name, string? RegencyCode);

/// <summary>Stored event names: stable, so renaming or moving a class never breaks history.</summary>
public static class CooperativeFactNames
{
    public static void Register(StoreOptions options)
    {
        options.Events.MapEventType<CooperativeRegistrationNoted>("cooperative-registration-noted");
        options.Events.MapEventType<CooperativeActivityNoted>("cooperative-activity-noted");
        options.Events.MapEventType<CooperativeDissolutionNoted>("cooperative-dissolution-noted");
        options.Events.MapEventType<CooperativeProfileNoted>("cooperative-profile-noted");
    }
}

namespace Koperasi.Funding.Cooperatives;

/// <summary>Folds the facts, each aspect taking a fact only when it is newer than the one it holds.</summary>
public static class CooperativeStandingFold
{
    public static CooperativeStanding Apply(CooperativeStanding? state, object fact)
    {
        var current = state ?? new CooperativeStanding();
        return fact switch
        {
            CooperativeRegistrationNoted e => current with
            {
                Id = e.CooperativeId,
                Registered = true,
                // A later amendment that arrived first keeps what it changed; what it left alone comes from here.
                Name = e.SourceVersion > current.ProfileVersion || current.Name is null ? e.Name : current.Name,
                RegencyCode = e.SourceVersion > current.ProfileVersion || current.RegencyCode is null ? e.RegencyCode : current.RegencyCode,
                ProfileVersion = Math.Max(current.ProfileVersion, e.SourceVersion),
                // A registration makes a koperasi aktif from its decree, unless a later change is known.
                Activity = e.SourceVersion > current.ActivityVersion ? CooperativeStanding.Aktif : current.Activity,
                ActivitySince = e.SourceVersion > current.ActivityVersion ? e.DecreeDate : current.ActivitySince,
                ActivityVersion = Math.Max(current.ActivityVersion, e.SourceVersion),
            },
            CooperativeActivityNoted e when e.SourceVersion > current.ActivityVersion => current with
            {
                Id = e.CooperativeId,
                Activity = e.Activity,
                ActivitySince = e.EffectiveOn,
                ActivityVersion = e.SourceVersion,
            },
            CooperativeDissolutionNoted e when e.SourceVersion > current.DissolutionVersion => current with
            {
                Id = e.CooperativeId,
                DissolvedOn = e.EffectiveOn,
                DissolutionVersion = e.SourceVersion,
            },
            CooperativeProfileNoted e when e.SourceVersion > current.ProfileVersion => current with
            {
                Id = e.CooperativeId,
                Name = e.Name ?? current.Name,
                RegencyCode = e.RegencyCode ?? current.RegencyCode,
                ProfileVersion = e.SourceVersion,
            },
            _ => current,
        };
    }

    /// <summary>Whether a fact would change anything: an older one is not even recorded.</summary>
    public static bool IsNews(CooperativeStanding? state, object fact) => (state, fact) switch
    {
        (null, _) => true,
        (_, CooperativeRegistrationNoted) => !state.Registered,
        (_, CooperativeActivityNoted e) => e.SourceVersion > state.ActivityVersion,
        (_, CooperativeDissolutionNoted e) => e.SourceVersion > state.DissolutionVersion,
        (_, CooperativeProfileNoted e) => e.SourceVersion > state.ProfileVersion,
        _ => false,
    };
}

using Koperasi.Registry.Cooperatives;
using static Koperasi.Registry.Tests.Domain.Registrations;

namespace Koperasi.Registry.Tests.Domain;

/// <summary>Koperasi and approved cases for the given/when/then tests of transformations.</summary>
internal static class Cases
{
    public static readonly DateOnly Today = D(2026, 11, 22);
    public static readonly DateOnly EffectiveOn = D(2026, 10, 15);
    public static readonly NotarialDeed Deed = new("14", D(2026, 9, 2), "Notaris Contoh Satu, S.H., M.Kn.");
    public static readonly Ratification Ratified = new("AHU-0004521.AH.01.29.TAHUN 2026", EffectiveOn);

    /// <summary>A primer registered in 2015 with <paramref name="members"/> members.</summary>
    public static (IReadOnlyList<object> Events, Cooperative State) Existing(int members = 40, string regency = "1571")
    {
        var command = Primer(D(2015, 3, 2), Rat(2024, D(2025, 3, 1), present: Math.Min(30, members), total: members))
            .Profiled(p => p with { Address = new Address("Jl. Gatot Subroto 1", null, "Pasar Jambi", regency, null) }) with
        {
            MemberCount = members,
        };
        return History(command, Today);
    }

    /// <summary>What the register knows: the given koperasi by id.</summary>
    public static IReadOnlyDictionary<Guid, Cooperative> RegisterOf(params Cooperative[] cooperatives) => cooperatives.ToDictionary(c => c.Id);

    public static MergeCooperatives Merger(Cooperative survivor, params Cooperative[] absorbed) =>
        new(Guid.NewGuid(), survivor.Id, [.. absorbed.Select(a => a.Id)], Deed, Ratified, EffectiveOn);

    /// <summary>The registration of the koperasi an amalgamation founds (members and founders follow from the participants).</summary>
    public static RegisterCooperative NewKoperasi() => Primer(Ratified.DecreeDate)
        .Profiled(p => p with { Name = "Koperasi Produsen Tani Bersatu", Type = CooperativeType.Produsen }) with
    {
        LegalEntity = new LegalEntity($"AHU-{Guid.NewGuid():N}", Ratified.DecreeDate),
        Deed = Deed,
        FoundingMembers = 0,
        MemberCount = 0,
        Board = [],
    };

    public static AmalgamateCooperatives Amalgamation(RegisterCooperative founding, params Cooperative[] participants) =>
        new(Guid.NewGuid(), [.. participants.Select(p => p.Id)], founding, EffectiveOn);

    public static AmendArticles Amendment(ArticlesChange changes, DateOnly? effectiveOn = null) =>
        new(Guid.NewGuid(), changes, Deed, Ratified with { DecreeDate = effectiveOn ?? EffectiveOn }, effectiveOn ?? EffectiveOn);

    /// <summary>The state after the given events and what a decision added to them.</summary>
    public static Cooperative After(IEnumerable<object> given, IEnumerable<object> added) => Given([.. given, .. added]);

    public static TransformationDecision Applied(TransformationDecision decision)
    {
        decision.Error.ShouldBeNull(decision.Error?.Detail);
        return decision;
    }

    public static Koperasi.ServiceDefaults.Decisions.DomainError Refused(TransformationDecision decision)
    {
        decision.Streams.ShouldBeEmpty();
        return decision.Error ?? throw new ShouldAssertException("The case was applied; a refusal was expected.");
    }
}

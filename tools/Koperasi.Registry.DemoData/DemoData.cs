using Koperasi.Registry.Cooperatives;

namespace Koperasi.Registry.Demo;

/// <summary>
/// The demo data set: synthetic koperasi (invented names and numbers) whose RAT histories make
/// the activity rule itself reproduce the published table of <see cref="DemoTargets"/>.
/// Deterministic: the same registrations on every run and machine.
/// </summary>
public static class DemoData
{
    public const int Seed = 20_250_829;

    public static IReadOnlyList<Register.Request> Generate() => Generate(DemoTargets.Load());

    public static IReadOnlyList<Register.Request> Generate(DemoTargets targets) => Build(targets, null).Register;

    /// <summary>
    /// The koperasi of the 2018 dissolution batch that the ministry approved
    /// (<see cref="DemoDissolution2018"/>): registered in addition to those of
    /// <paramref name="targets"/>, tidak aktif since before 2018; dissolved by the Transformation's
    /// demo, after which the statistics of the targets' date are exact again. Their identifiers
    /// continue the set's own, so they are unique with it.
    /// </summary>
    public static IReadOnlyList<Register.Request> Dissolved2018(DemoTargets targets, DemoDissolution2018 batch) =>
        Build(targets, batch ?? throw new ArgumentNullException(nameof(batch))).Dissolved;

    public static IReadOnlyList<Register.Request> Dissolved2018() => Dissolved2018(DemoTargets.Load(), DemoDissolution2018.Load());

    private static (IReadOnlyList<Register.Request> Register, IReadOnlyList<Register.Request> Dissolved) Build(DemoTargets targets, DemoDissolution2018? batch)
    {
        var random = new Random(Seed);
        var cooperatives = new DemoCooperatives(targets, DemoPlace.Load(), random);
        var identifiers = new DemoIdentifiers(random);
        var drafts = DemoPlan.Slots(targets, random)
            .Select(slot => (Slot: slot, Request: cooperatives.Build(slot)))
            .OrderBy(d => d.Request.LegalEntity.DecreeDate)
            .ToList();
        var identified = drafts.Select(d => (d.Slot, Request: identifiers.Identify(d.Slot, d.Request))).ToList();
        var register = identifiers.IssueNikKoperasi(identified, targets.NikKoperasi, targets.AsOf);
        if (batch is null)
        {
            return (register, []);
        }

        // Drawn after the whole register, with a random of their own: the register stays as it was.
        var random2018 = new Random(Seed + 2018);
        var before2018 = new DemoCooperatives(targets with { AsOf = DemoDissolution2018.ProposedFrom }, DemoPlace.Load(), random2018);
        var dissolved = DemoDissolution2018.Slots(batch, random2018)
            .Select(slot => (Slot: slot, Request: before2018.Build(slot)))
            .OrderBy(d => d.Request.LegalEntity.DecreeDate)
            .Select(d => identifiers.Identify(d.Slot, d.Request))
            .ToList();
        return (register, dissolved);
    }
}

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

    public static IReadOnlyList<Register.Request> Generate(DemoTargets targets)
    {
        var random = new Random(Seed);
        var cooperatives = new DemoCooperatives(targets, DemoPlace.Load(), random);
        var identifiers = new DemoIdentifiers(random);
        var drafts = DemoPlan.Slots(targets, random)
            .Select(slot => (Slot: slot, Request: cooperatives.Build(slot)))
            .OrderBy(d => d.Request.LegalEntity.DecreeDate)
            .ToList();
        var identified = drafts.Select(d => (d.Slot, Request: identifiers.Identify(d.Slot, d.Request))).ToList();
        return identifiers.IssueNikKoperasi(identified, targets.NikKoperasi, targets.AsOf);
    }
}

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

    public static IReadOnlyList<Register.Request> Generate(DemoTargets targets) => [.. GenerateSet(targets).Select(c => c.Request)];

    /// <summary>
    /// The koperasi of the 2018 dissolution batch that the ministry approved
    /// (<see cref="DemoDissolution2018"/>): registered in addition to those of
    /// <paramref name="targets"/>, tidak aktif since before 2018; dissolved by the Transformation's
    /// demo, after which the statistics of the targets' date are exact again. Their identifiers
    /// continue the set's own, so they are unique with it.
    /// </summary>
    public static IReadOnlyList<Register.Request> Dissolved2018(DemoTargets targets, DemoDissolution2018 batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var (_, _, identifiers) = Registrations(targets, new Random(Seed));

        // Drawn after the whole register, with a random of their own: the register stays as it was.
        var random2018 = new Random(Seed + 2018);
        var before2018 = new DemoCooperatives(targets with { AsOf = DemoDissolution2018.ProposedFrom }, DemoPlace.Load(), random2018);
        return [.. DemoDissolution2018.Slots(batch, random2018)
            .Select(slot => (Slot: slot, Request: before2018.Build(slot)))
            .OrderBy(d => d.Request.LegalEntity.DecreeDate)
            .Select(d => identifiers.Identify(d.Slot, d.Request))];
    }

    public static IReadOnlyList<Register.Request> Dissolved2018() => Dissolved2018(DemoTargets.Load(), DemoDissolution2018.Load());

    /// <summary>
    /// The set with what the register records after registration: each KDMP's marking and formation
    /// steps, and the yearly renewals of each NIK koperasi on the anniversaries of its issue, so a
    /// NIK koperasi issued by the targets' date is still valid on that date (and a year after).
    /// </summary>
    public static IReadOnlyList<DemoCooperative> GenerateSet(DemoTargets targets)
    {
        var random = new Random(Seed);
        var (slots, requests, _) = Registrations(targets, random);
        var set = requests.Select((request, i) => new DemoCooperative(request, Kdmp(slots[i], request, random), Renewals(request, targets.AsOf))).ToList();
        return DemoSupervision.Assign(set, slots, targets, random);
    }

    private static DemoKdmp? Kdmp(DemoSlot slot, Register.Request request, Random random)
    {
        if (slot.DesaCode is not { } desa)
        {
            return null;
        }

        var decree = request.LegalEntity;
        var deed = request.Deed ?? throw new InvalidOperationException("A KDMP is formed with a notarial deed.");
        return new DemoKdmp(desa, decree.DecreeDate, deed.Date.AddDays(-random.Between(7, 40)), deed.Date, deed.Number, decree.DecreeDate, decree.DecreeNumber);
    }

    private static List<DateOnly> Renewals(Register.Request request, DateOnly asOf)
    {
        if (request.NikKoperasi is not { } nik)
        {
            return [];
        }

        var renewals = new List<DateOnly>();
        for (var on = nik.IssuedOn.AddYears(1); on <= asOf.AddYears(1); on = on.AddYears(1))
        {
            renewals.Add(on);
        }

        return renewals;
    }

    private static (IReadOnlyList<DemoSlot> Slots, IReadOnlyList<Register.Request> Requests, DemoIdentifiers Identifiers) Registrations(DemoTargets targets, Random random)
    {
        var cooperatives = new DemoCooperatives(targets, DemoPlace.Load(), random);
        var identifiers = new DemoIdentifiers(random);
        var drafts = DemoPlan.Slots(targets, random)
            .Select(slot => (Slot: slot, Request: cooperatives.Build(slot)))
            .OrderBy(d => d.Request.LegalEntity.DecreeDate)
            .ToList();
        var identified = drafts.Select(d => (d.Slot, Request: identifiers.Identify(d.Slot, d.Request))).ToList();
        return ([.. identified.Select(i => i.Slot)], identifiers.IssueNikKoperasi(identified, targets.NikKoperasi, targets.AsOf), identifiers);
    }
}

/// <summary>One demo koperasi: its registration, and what the register records of it afterwards (its KDMP marking, the yearly renewals of its NIK koperasi, oldest first).</summary>
public sealed record DemoCooperative(Register.Request Request, DemoKdmp? Kdmp, IReadOnlyList<DateOnly> NikKoperasiRenewals)
{
    /// <summary>The kabupaten/kota pembina the load assigns, with a visit it records, if any.</summary>
    public DemoPembina? Pembina { get; init; }

    /// <summary>Whether the load designates it flagship of its regency (the first candidate of the regency the rules accept).</summary>
    public bool FlagshipCandidate { get; init; }
}

/// <summary>A kabupaten/kota pembina (user id, as the demo tokens name it) and the visit it recorded, if any.</summary>
public sealed record DemoPembina(string UserId, DemoVisit? Visit);

/// <summary>A visit some days before the load, with one follow-up due some days after it (some overdue by the load).</summary>
public sealed record DemoVisit(Guid RecordId, int DaysBeforeLoad, string Findings, string Recommendations, string FollowUp, int FollowUpDueAfterDays);

/// <summary>A demo KDMP: its desa, the day it is marked, and its formation steps with their references.</summary>
public sealed record DemoKdmp(
    string DesaCode,
    DateOnly MarkedOn,
    DateOnly MusyawarahDesaKhusus,
    DateOnly DeedOn,
    string DeedNumber,
    DateOnly LegalEntityOn,
    string DecreeNumber);

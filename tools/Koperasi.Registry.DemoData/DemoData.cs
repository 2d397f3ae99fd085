using System.Globalization;
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
    /// NIK koperasi issued by the targets' date is still valid on that date (and a year after); and
    /// a few koperasi at risk at the next RAT deadline (<see cref="DemoEarlyWarning"/>).
    /// </summary>
    public static IReadOnlyList<DemoCooperative> GenerateSet(DemoTargets targets)
    {
        var random = new Random(Seed);
        var (slots, requests, _) = Registrations(targets, random);
        var set = requests.Select((request, i) => new DemoCooperative(request, Kdmp(slots[i], request, targets.Kdmp, random), Renewals(request, targets.AsOf))).ToList();
        return DemoEarlyWarning.WithKoperasiAtRisk(DemoSupervision.Assign(set, slots, targets, random), slots, targets);
    }

    private static DemoKdmp? Kdmp(DemoSlot slot, Register.Request request, DemoTargets.KdmpTarget programme, Random random)
    {
        if (slot.DesaCode is not { } desa)
        {
            return null;
        }

        if (!DemoCooperatives.IsNewKdmp(slot))
        {
            // An older koperasi joined the programme: its members' meeting decided it, a notary drew up
            // the amended articles, and the ministry of law approved them, all in the programme's months.
            var approvedOn = random.DayBetween(new DateOnly(programme.FormedBy.Year, 5, 20), programme.FormedBy);
            var deedOn = approvedOn.AddDays(-random.Between(5, 45));
            var approval = string.Create(CultureInfo.InvariantCulture, $"AHU-{random.Between(1_000, 999_999):D7}.AH.01.29.TAHUN {approvedOn.Year}");
            return new DemoKdmp(desa, approvedOn, deedOn.AddDays(-random.Between(7, 40)), deedOn, random.Between(1, 120).ToString(CultureInfo.InvariantCulture), approvedOn, approval);
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
        var requests = identifiers.IssueNikKoperasi(identified, targets.NikKoperasi, targets.AsOf);
        return ([.. identified.Select(i => i.Slot)], WithPublishedMembers(requests, targets, random), identifiers);
    }

    /// <summary>
    /// Brings the members of the koperasi registered by each earlier day with published members to
    /// that figure: the register's member count (of the registration, as the latest RAT gives it) of
    /// some of them, registered since the previous such day, moves by a few members, and their latest
    /// RAT's total with it.
    /// </summary>
    private static List<Register.Request> WithPublishedMembers(List<Register.Request> requests, DemoTargets targets, Random random)
    {
        var previous = DateOnly.MinValue;
        foreach (var day in targets.Earlier.Where(e => e.Members is not null))
        {
            var counted = Enumerable.Range(0, requests.Count).Where(i => requests[i].LegalEntity.DecreeDate <= day.AsOf).ToList();
            var delta = day.Members!.Value - counted.Sum(i => (long)requests[i].MemberCount);
            var adjustable = counted.Where(i => requests[i].LegalEntity.DecreeDate > previous).ToList();
            random.Shuffle(adjustable);
            var step = adjustable.Count == 0 ? 0 : (int)Math.Min(int.MaxValue, (Math.Abs(delta) + adjustable.Count - 1) / adjustable.Count);
            foreach (var i in adjustable.TakeWhile(_ => delta != 0))
            {
                var change = (int)(Math.Sign(delta) * Math.Min(step, Math.Abs(delta)));
                var count = requests[i].MemberCount + change;
                if (count >= 1)
                {
                    requests[i] = WithMembers(requests[i], count);
                    delta -= change;
                }
            }

            if (delta != 0)
            {
                throw new InvalidOperationException($"The members of {day.AsOf:yyyy-MM-dd} cannot be reached: {delta} left.");
            }

            previous = day.AsOf;
        }

        return requests;
    }

    private static Register.Request WithMembers(Register.Request request, int count)
    {
        if (request.RatHistory is not { Count: > 0 } rats)
        {
            return request with { MemberCount = count };
        }

        var last = rats[^1];
        return request with
        {
            MemberCount = count,
            RatHistory = [.. rats.SkipLast(1), last with { MembersTotal = count, MembersPresent = Math.Min(last.MembersPresent, count) }],
        };
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

using Koperasi.Registry.Cooperatives;
using Koperasi.ServiceDefaults.Regions;

namespace Koperasi.Registry.Demo;

/// <summary>Turns a slot into a registration: dates, founders, names, place, board and RAT history.</summary>
internal sealed class DemoCooperatives(DemoTargets targets, IReadOnlyDictionary<string, DemoPlace> places, Random random)
{
    private readonly DemoRatHistory _rats = new(targets.AsOf, [.. targets.Earlier.Select(e => e.AsOf)], random);

    public Register.Request Build(DemoSlot slot)
    {
        var place = places[slot.RegencyCode];
        var decreeDate = DecreeDate(slot);
        var deed = IsNewKdmp(slot) || random.Chance(0.85)
            ? new NotarialDeed(random.Between(1, 120).ToString(System.Globalization.CultureInfo.InvariantCulture), decreeDate.AddDays(-random.Between(10, 150)), DemoNames.Notary(random))
            : null;
        var foundedOn = deed?.Date ?? decreeDate;
        var founders = slot.Form == CooperativeForm.Sekunder
            ? random.Between(3, 9)
            : (foundedOn.Year < 2021 ? 20 : 9) + random.Between(0, IsNewKdmp(slot) ? 60 : 10);
        var syariah = slot.Type == CooperativeType.SimpanPinjam ? random.Chance(0.22) : !slot.MerahPutih && random.Chance(0.02);
        SavingsLoanScheme? scheme = slot.Type != CooperativeType.SimpanPinjam ? null
            : random.Chance(slot.Level == SupervisionLevel.Nasional ? 0.5 : 0.15) ? SavingsLoanScheme.OpenLoop : SavingsLoanScheme.CloseLoop;
        // Multi-stakeholder koperasi exist since PermenKopUKM 8/2021.
        var multiPihak = !slot.MerahPutih && slot.Form == CooperativeForm.Primer && decreeDate >= new DateOnly(2021, 7, 1) && random.Chance(0.12);
        var kecamatan = random.Pick(place.Kecamatan);
        var village = slot.MerahPutih || random.Chance(0.7) ? DemoNames.Village(random) : null;
        if (slot.DesaCode is { } desaCode && Places.FindDesa(desaCode) is { } desa)
        {
            // A KDMP is the koperasi of its own desa: its address names the desa and its kecamatan.
            (kecamatan, village) = (Places.FindKecamatan(desa.KecamatanCode)!.Name, desa.Name);
        }

        var profile = Profile(slot, founders, decreeDate);
        var rats = _rats.Of(slot, decreeDate, profile);
        var (name, businessField) = DemoNames.Identity(slot, syariah, scheme, multiPihak, place, kecamatan, village, random);
        return new Register.Request
        {
            Name = name,
            Form = slot.Form,
            Type = slot.Type,
            SavingsLoanScheme = scheme,
            Syariah = syariah,
            MultiPihak = multiPihak,
            MemberClasses = multiPihak ? DemoNames.MemberClassesOf(random) : null,
            SupervisionLevel = slot.Level,
            // Named arguments are evaluated in the order written: the random draws stay as they were.
            Address = new Register.AddressDto(
                Street: DemoNames.Street(random), Village: village, Kecamatan: kecamatan, RegencyCode: slot.RegencyCode,
                PostalCode: random.Chance(0.8) ? $"{place.PostalPrefix}{random.Between(11, 99)}" : null),
            // The number is given once all decree dates are known, so numbers follow dates.
            LegalEntity = new LegalEntity("", decreeDate),
            Deed = deed,
            FoundingMembers = founders,
            MemberCount = rats.Count > 0 ? rats[^1].MembersTotal : profile.MembersAtEnd,
            BusinessField = businessField,
            Board = DemoNames.Board(random),
            Contact = slot.Status == ActivityStatus.Aktif && random.Chance(0.3) ? new Contact(null, Email(name)) : null,
            RatHistory = rats,
        };
    }

    /// <summary>A KDMP founded by the programme (not an older koperasi that joined it).</summary>
    public static bool IsNewKdmp(DemoSlot slot) => slot.MerahPutih && (slot.Path is null || slot.Path.Earlier.All(s => s is null));

    private DateOnly DecreeDate(DemoSlot slot)
    {
        var asOf = targets.AsOf;
        if (IsNewKdmp(slot))
        {
            var formedBy = targets.Kdmp.FormedBy;
            return random.DayBetween(new DateOnly(formedBy.Year, 5, 20), formedBy);
        }

        (int From, int To)[] eras = [(1972, 1979), (1980, 1989), (1990, 1999), (2000, 2009), (2010, 2019), (2020, asOf.Year - 4), (asOf.Year - 3, asOf.Year - 1), (asOf.Year, asOf.Year)];
        double[] weights = slot.Status == ActivityStatus.Aktif ? [1, 4, 10, 20, 30, 10, 18, 4] : [3, 12, 25, 33, 25, 2, 0, 0];
        if (slot.Path is { } path)
        {
            // The era is drawn among those the koperasi's window allows, as the years in it allow.
            var (first, last) = (Max(path.DecreeFrom, new DateOnly(eras[0].From, 1, 6)), Min(path.DecreeTo, asOf.AddDays(-9)));
            var allowed = eras.Select((era, i) => (Weight: era.From <= last.Year && era.To >= first.Year ? Math.Max(weights[i], 0.5) : 0, Era: era)).ToList();
            var (eraFrom, eraTo) = random.Weighted(allowed);
            var inYear = random.Between(Math.Max(eraFrom, first.Year), Math.Min(eraTo, last.Year));
            return random.DayBetween(Max(first, new DateOnly(inYear, 1, 6)), Min(last, new DateOnly(inYear, 12, 28)));
        }

        var (from, to) = random.Weighted([.. eras.Select((era, i) => (weights[i], era))]);
        // An era after the last possible year (a set dated early, as the 2018 batch's) falls back to that year.
        var lastYear = Math.Min(to, slot.Status == ActivityStatus.Aktif ? asOf.Year : _rats.LastYearOfInactive);
        var year = random.Between(Math.Min(from, lastYear), lastYear);
        return year == asOf.Year
            ? random.DayBetween(new DateOnly(year, 1, 6), asOf.AddDays(-9))
            : random.DayBetween(new DateOnly(year, 1, 6), new DateOnly(year, 12, 28));
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private DemoRatHistory.Profile Profile(DemoSlot slot, int founders, DateOnly decreeDate)
    {
        var age = Math.Clamp((targets.AsOf.Year - decreeDate.Year) / 20.0, 0.1, 1);
        var membersAtEnd = slot.Form == CooperativeForm.Sekunder
            ? founders + random.Between(0, 15)
            : Math.Max(1, founders + (int)(Math.Pow(random.NextDouble(), 3) * (IsNewKdmp(slot) ? 400 : 60) * age) - random.Between(0, 10));
        decimal perMember = slot.Type switch
        {
            CooperativeType.SimpanPinjam => 8_000_000,
            CooperativeType.Produsen => 5_000_000,
            CooperativeType.Pemasaran => 4_000_000,
            CooperativeType.Jasa => 3_000_000,
            _ => 2_500_000,
        };
        var scale = (decimal)random.Between(0.4, 2.5) * (slot.Form == CooperativeForm.Sekunder ? 20 : 1);
        return new DemoRatHistory.Profile(slot.Type, founders, membersAtEnd, perMember * scale);
    }

    private static string Email(string name)
    {
        var words = name.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string([.. w.Where(char.IsAsciiLetterOrDigit)]))
            .Where(w => w.Length > 0)
            .Take(4);
        return $"{string.Join('.', words)}@koperasi.example";
    }
}

using System.Globalization;
using Koperasi.Registry.Cooperatives;

namespace Koperasi.Registry.Demo;

/// <summary>
/// Invented identifiers, unique by construction: decree numbers in the style of their era with
/// serials rising through each year, 13-digit NIBs, and NIK koperasi for koperasi that held a
/// RAT in the two years before the issue date.
/// </summary>
internal sealed class DemoIdentifiers(Random random)
{
    private static readonly string[] Months = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];

    private readonly Dictionary<string, int> _serials = [];
    private readonly HashSet<string> _nibs = [];

    /// <summary>Gives the decree number (call in decree-date order) and, for some, an NIB.</summary>
    public Register.Request Identify(DemoSlot slot, Register.Request request)
    {
        var date = request.LegalEntity.DecreeDate;
        var nibChance = (slot.Status, date.Year >= 2018) switch
        {
            (ActivityStatus.Aktif, true) => 0.7,
            (ActivityStatus.Aktif, false) => 0.45,
            (_, true) => 0.3,
            _ => 0.04,
        };
        return request with
        {
            LegalEntity = request.LegalEntity with { DecreeNumber = DecreeNumber(date, slot) },
            Nib = random.Chance(nibChance) ? Nib() : null,
        };
    }

    /// <summary>
    /// Issues exactly <paramref name="count"/> NIK koperasi to aktif koperasi whose latest RAT by
    /// <paramref name="asOf"/> lies within the two years before it, each some weeks after that RAT.
    /// </summary>
    public List<Register.Request> IssueNikKoperasi(IReadOnlyList<(DemoSlot Slot, Register.Request Request)> items, int count, DateOnly asOf)
    {
        var eligible = items
            .Select((item, index) => (item.Slot, item.Request, Index: index, LastRat: item.Request.RatHistory?.Where(r => r.HeldOn <= asOf).MaxBy(r => r.HeldOn)))
            .Where(x => x.Slot.Status == ActivityStatus.Aktif && x.LastRat is { } rat && rat.HeldOn > asOf.AddYears(-2))
            .ToList();
        var issued = random.Sample(eligible, count, x => x.Slot.Level != SupervisionLevel.KabupatenKota ? 3 : x.Slot.Type == CooperativeType.SimpanPinjam ? 2 : 1)
            .Select(x => (x.Index, x.Request.Address.RegencyCode, On: Min(x.LastRat!.HeldOn.AddDays(random.Between(14, 240)), asOf)))
            .OrderBy(x => x.On)
            .ThenBy(x => x.Index)
            .ToList();
        var result = items.Select(i => i.Request).ToList();
        foreach (var (index, regency, on) in issued)
        {
            var serial = NextSerial($"nik-{regency}", 1, 99);
            result[index] = result[index] with { NikKoperasi = new NikKoperasi(string.Create(CultureInfo.InvariantCulture, $"{regency}{on:yy}{serial:D10}"), on) };
        }

        return result;
    }

    private string DecreeNumber(DateOnly date, DemoSlot slot)
    {
        var month = Months[date.Month - 1];
        var area = int.Parse(slot.RegencyCode[2..], CultureInfo.InvariantCulture);
        return (date.Year, slot.Level) switch
        {
            // Since 2019 the ministry of law ratifies the deed (AHU online).
            (>= 2019, _) => string.Create(CultureInfo.InvariantCulture, $"AHU-{NextSerial($"ahu/{date.Year}", 1000, 900):D7}.AH.01.26.TAHUN {date.Year}"),
            (>= 2000, SupervisionLevel.Nasional) => string.Create(CultureInfo.InvariantCulture, $"{NextSerial($"nasional/{date.Year}", 1, 30)}/BH/M.KUKM.2/{month}/{date.Year}"),
            (>= 2000, SupervisionLevel.Provinsi) => string.Create(CultureInfo.InvariantCulture, $"518/{NextSerial($"provinsi/{date.Year}", 1, 12)}/BH/XIV/{month}/{date.Year}"),
            (>= 2000, _) => string.Create(CultureInfo.InvariantCulture, $"518.{area:D2}/{NextSerial($"{area}/{date.Year}", 1, 12)}/BH/XIV.{area}/{month}/{date.Year}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{NextSerial($"kanwil/{date.Year}", 1, 15)}/BH/XIV/{month}/{date.Year}"),
        };
    }

    /// <summary>Rises by a random step each time: gaps are the other regencies' and years' numbers.</summary>
    private int NextSerial(string sequence, int start, int maxStep)
    {
        var next = (_serials.TryGetValue(sequence, out var last) ? last : start) + random.Between(1, maxStep);
        _serials[sequence] = next;
        return next;
    }

    private string Nib()
    {
        while (true)
        {
            var nib = string.Create(CultureInfo.InvariantCulture, $"912{random.NextInt64(10_000_000_000):D10}");
            if (_nibs.Add(nib))
            {
                return nib;
            }
        }
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}

using System.Globalization;
using Koperasi.Registry.Cooperatives;
using Koperasi.Registry.Demo;

namespace Koperasi.Benchmarks;

/// <summary>
/// A register of any size from the demo data set: the 5,053 demo koperasi as they are, then copies
/// of them with the copy index appended to the name and the decree number (which must stay unique).
/// A copy's decree and deed dates move a few days to months earlier within the same year, so copies
/// do not fall on the very days of their originals: the statistics table then grows with the register
/// as it would with real koperasi. Within the year nothing a rule looks at changes (the founders' rule
/// of 2021, the baseline year of the activity rule, RATs held after the koperasi existed), so every
/// copy registers and has its original's activity.
/// </summary>
public static class ScaledRegister
{
    public static IEnumerable<Register.Request> Generate(int count, DateOnly today)
    {
        var demo = DemoData.Generate();
        for (var i = 0; i < count; i++)
        {
            var copy = i / demo.Count;
            var request = KnownBy(demo[i % demo.Count], today);
            yield return copy == 0 ? request : Copy(request, copy, i % demo.Count);
        }
    }

    private static Register.Request Copy(Register.Request request, int copy, int index)
    {
        var decree = request.LegalEntity.DecreeDate;
        var latestShift = Math.Min(decree.DayOfYear, request.Deed?.Date.DayOfYear ?? decree.DayOfYear) - 1;
        var shift = (int)(((uint)copy * 2_654_435_761u + (uint)index * 40_503u) % (uint)(latestShift + 1));
        return request with
        {
            Name = string.Create(CultureInfo.InvariantCulture, $"{request.Name} {copy}"),
            LegalEntity = new LegalEntity(string.Create(CultureInfo.InvariantCulture, $"{request.LegalEntity.DecreeNumber}-{copy}"), decree.AddDays(-shift)),
            Deed = request.Deed is { } deed ? deed with { Date = deed.Date.AddDays(-shift) } : null,
            Nib = null, // one koperasi per NIB and NIK koperasi (IdentifierClaim): the copies hold none
            NikKoperasi = null,
        };
    }

    /// <summary>As the demo load does: facts dated after today are not known yet.</summary>
    private static Register.Request KnownBy(Register.Request request, DateOnly today) => request with
    {
        RatHistory = [.. (request.RatHistory ?? []).Where(r => r.HeldOn <= today)],
        NikKoperasi = request.NikKoperasi is { } nik && nik.IssuedOn <= today ? nik : null,
    };
}

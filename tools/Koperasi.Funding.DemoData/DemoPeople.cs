using Koperasi.ServiceDefaults.Regions;
using System.Globalization;
using Koperasi.Funding.Applications;

namespace Koperasi.Funding.Demo;

/// <summary>An invented applicant.</summary>
public sealed record DemoPerson(string Name, Sex Sex, DateOnly BirthDate, string Nik, string Phone, string Street);

/// <summary>
/// Invents applicants: names put together from common Indonesian names, phone numbers of the usual
/// mobile shape, and synthetic NIKs that keep the NIK structure (province 15, the regency and
/// kecamatan of the address, the birth date with 40 added to the day for women, a serial), unique
/// by construction. None is a real person's.
/// </summary>
public sealed class DemoPeople(DemoVocabulary words, Random random)
{
    private static readonly string[] MobilePrefixes = ["0811", "0812", "0813", "0821", "0822", "0852", "0853", "0857", "0877", "0878", "0895", "0896"];

    private readonly Dictionary<string, int> _serials = [];

    /// <summary>Someone of the profile's sex and age on <paramref name="referenceDate"/>, living in the regency's kecamatan (its index in the regency's list).</summary>
    public DemoPerson Invent(DemoGrants.ApplicantProfile profile, DateOnly referenceDate, string regencyCode, int kecamatanIndex)
    {
        var sex = profile.Sex ?? (random.Next(2) == 0 ? Sex.Female : Sex.Male);
        var age = random.Next(profile.MinAge, profile.MaxAge + 1);

        // Born in the year after the birthday that makes them `age` on the reference date, so any day of it keeps the age.
        var latest = referenceDate.AddYears(-age);
        var birthDate = latest.AddDays(-random.Next(365));
        var given = sex == Sex.Female ? words.Female : words.Male;
        var name = random.Next(4) == 0
            ? $"{Pick(given)} {Pick(given)} {Pick(words.Family)}"
            : $"{Pick(given)} {Pick(words.Family)}";
        return new DemoPerson(name, sex, birthDate, Nik(regencyCode, kecamatanIndex, birthDate, sex), Phone(), Street());
    }

    private string Nik(string regencyCode, int kecamatanIndex, DateOnly birthDate, Sex sex)
    {
        var day = birthDate.Day + (sex == Sex.Female ? 40 : 0);
        var head = string.Create(CultureInfo.InvariantCulture, $"{Regencies.NikPrefixOf(regencyCode)}{kecamatanIndex + 1:D2}{day:D2}{birthDate.Month:D2}{birthDate.Year % 100:D2}");
        var serial = (_serials.TryGetValue(head, out var last) ? last : 0) + random.Next(1, 8);
        _serials[head] = serial;
        return serial <= 9999
            ? string.Create(CultureInfo.InvariantCulture, $"{head}{serial:D4}")
            : throw new InvalidOperationException($"Too many demo NIKs share the head of a NIK of regency {regencyCode}.");
    }

    private string Phone() => string.Create(CultureInfo.InvariantCulture, $"{Pick(MobilePrefixes)}{random.Next(10_000_000, 100_000_000)}");

    private string Street() => string.Create(CultureInfo.InvariantCulture, $"{Pick(words.Streets)} No. {random.Next(1, 150)}, RT {random.Next(1, 25):D2}");

    private string Pick(IReadOnlyList<string> items) => items[random.Next(items.Count)];
}

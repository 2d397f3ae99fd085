using System.Globalization;
using Koperasi.Funding.Applications;
using Koperasi.Funding.Programmes;

namespace Koperasi.Funding.Demo;

/// <summary>
/// The demo data set: the programmes to open and the decree batches to load, each with the
/// applications it grants and the days of their steps. Deterministic: the same set on every run
/// and machine, so a load cut short resumes where it stopped.
/// </summary>
public sealed record DemoSet(IReadOnlyList<OpenProgramme.Request> Programmes, IReadOnlyList<DemoBatch> Batches)
{
    public const int Seed = 20_221_453;

    public int Applications => Batches.Sum(b => b.Applications.Count);

    public static DemoSet Generate() => Generate(DemoGrants.Load(), DemoVocabulary.Load());

    public static DemoSet Generate(DemoGrants grants, DemoVocabulary words)
    {
        var random = new Random(Seed);
        var people = new DemoPeople(words, random);
        var programmes = grants.Programmes.Select(ToRequest).ToList();
        var batches = DemoAllocation.Allocate(grants)
            .SelectMany(year => new DemoYear(year, words, people, random).Batches())
            .ToList();
        return new DemoSet(programmes, batches);
    }

    private static OpenProgramme.Request ToRequest(DemoGrants.ProgrammeSetup p) => new(
        p.Year, p.Name, p.Budget, p.TargetRecipients, [.. p.Categories.Select(c => new ProgrammeParts.CategoryDto(c.Code, c.Name, c.Amount))], p.ReferenceDate, p.Window);
}

/// <summary>One decree: its number and date, the year's programme, and the applications it grants.</summary>
public sealed record DemoBatch(int Year, string DecreeNumber, DateOnly DecreedOn, IReadOnlyList<DemoApplication> Applications);

/// <summary>An application (its programme id set when loading) and what happened to it, day by day.</summary>
public sealed record DemoApplication(SubmitApplication.Request Request, DemoSteps Steps);

/// <summary>
/// The steps after the submission. Disbursement, monitoring and closure are there for past years
/// only: those grants were paid before this system existed, so the transfer is recorded, not made.
/// </summary>
public sealed record DemoSteps(
    DateOnly SubmittedOn,
    DateOnly DocumentsCheckedOn,
    FieldVisit Field,
    string Pendamping,
    DateOnly FoundEligibleOn,
    DateOnly? DisbursementRequestedOn,
    DateOnly? DisbursedOn,
    MonitoringReport? Visit,
    DateOnly? ClosedOn);

/// <summary>The applications of one year, regency by regency, dealt into the year's decree rounds.</summary>
internal sealed class DemoYear(YearAllocation year, DemoVocabulary words, DemoPeople people, Random random)
{
    // Working days an application needs from submission to eligibility, at most; a decree comes after.
    private const int DaysToEligibility = 50;
    private const int PendampingPerRegency = 3;

    private readonly DemoGrants.ProgrammeSetup _programme = year.Programme;
    private int _decreeSerial = 400;

    public IEnumerable<DemoBatch> Batches()
    {
        var rounds = _programme.Decrees;
        if (rounds.Count == 0)
        {
            throw new InvalidOperationException($"{_programme.Year}: grants are published but no decree round is set.");
        }

        var perRegency = year.Recipients.OrderBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => (Code: r.Key, Applications: Applications(r.Key, r.Value), PerRound: Split(r.Value, rounds)))
            .ToList();
        for (var round = 0; round < rounds.Count; round++)
        {
            foreach (var (_, applications, perRound) in perRegency.Where(r => r.PerRound[round] > 0))
            {
                var decreedOn = rounds[round].On;
                _decreeSerial += random.Next(3, 40);
                var number = string.Create(CultureInfo.InvariantCulture, $"{_decreeSerial}/KEP.GUB/DISKOPUKM/{_programme.Year}");
                var granted = applications.Skip(perRound.Take(round).Sum()).Take(perRound[round]).Select(a => a(decreedOn));
                yield return new DemoBatch(_programme.Year, number, decreedOn, [.. granted]);
            }
        }
    }

    /// <summary>A regency's applications per decree round, by the rounds' shares.</summary>
    private static int[] Split(int count, IReadOnlyList<DemoGrants.DecreeRound> rounds)
    {
        var shares = DemoAllocation.Apportion(count, rounds.Select((r, i) => (Key: i.ToString("D3", CultureInfo.InvariantCulture), r.Share)).ToDictionary(r => r.Key, r => r.Share));
        return [.. shares.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => s.Value)];
    }

    /// <summary>The regency's applications, each waiting for the day of its decree to set its dates.</summary>
    private List<Func<DateOnly, DemoApplication>> Applications(string regencyCode, int count)
    {
        var amounts = year.Amounts;
        var higher = year.HigherGrants.GetValueOrDefault(regencyCode);
        var grants = Enumerable.Repeat(amounts[^1], higher).Concat(Enumerable.Repeat(amounts[0], count - higher)).ToArray();
        random.Shuffle(grants);
        var places = words.Regencies[regencyCode];
        return [.. grants.Select((amount, i) => Application(regencyCode, places, amount, i))];
    }

    private Func<DateOnly, DemoApplication> Application(string regencyCode, DemoVocabulary.RegencyPlaces places, decimal amount, int index)
    {
        var category = Category(amount);
        var kecamatan = random.Next(places.Kecamatan.Count);
        var person = people.Invent(category.Applicants, _programme.ReferenceDate, regencyCode, kecamatan);
        var business = random.Next(2) == 0 ? Pick(places.Businesses) : Pick(words.Common);
        var occupation = person.Sex == Sex.Female && random.Next(3) == 0
            ? Occupation.Homemaker
            : Pick([Occupation.Trader, Occupation.SelfEmployed, Occupation.SelfEmployed, Occupation.Farmer, Occupation.Other]);
        var nib = random.Next(10) < 3 ? string.Create(CultureInfo.InvariantCulture, $"9120{random.NextInt64(1_000_000_000):D9}") : null;
        var request = new SubmitApplication.Request(
            Guid.Empty, person.Nik, person.Name, person.Sex, person.BirthDate,
            new SubmitApplication.AddressDto(regencyCode, places.Kecamatan[kecamatan], person.Street),
            occupation, false, category.Code, business, person.Phone, nib);
        var pendamping = string.Create(CultureInfo.InvariantCulture, $"demo-pendamping-{regencyCode}-{random.Next(1, PendampingPerRegency + 1)}");
        var photo = string.Create(CultureInfo.InvariantCulture, $"demo/{_programme.Year}/{regencyCode}/{index + 1:D4}");
        var monitored = _programme.FollowUp is { } followUp && random.NextDouble() < followUp.Monitored;
        var closed = monitored && random.NextDouble() < _programme.FollowUp!.Closed;
        var revenue = random.Next(30, 240) * 50_000m;
        var fundsUsed = random.Next(20) != 0;
        var delays = Enumerable.Range(0, 8).Select(_ => random.Next(1_000)).ToArray();

        return decreedOn =>
        {
            var latest = Min(_programme.Window.Closes, decreedOn.AddDays(-DaysToEligibility));
            if (latest < _programme.Window.Opens)
            {
                throw new InvalidOperationException($"{_programme.Year}: a decree on {decreedOn:yyyy-MM-dd} leaves no time after the window opens on {_programme.Window.Opens:yyyy-MM-dd}.");
            }

            var submitted = _programme.Window.Opens.AddDays(delays[0] % (latest.DayNumber - _programme.Window.Opens.DayNumber + 1));
            var checkedOn = submitted.AddDays(2 + (delays[1] % 13));
            var visited = checkedOn.AddDays(3 + (delays[2] % 19));
            var eligible = visited.AddDays(1 + (delays[3] % 10));
            var field = new FieldVisit(visited, $"Usaha {business.ToLowerInvariant()} berjalan di Kecamatan {places.Kecamatan[kecamatan]}; sesuai dengan permohonan.", true, false, [$"{photo}/verifikasi.jpg"]);
            DateOnly? requested = _programme.FollowUp is null ? null : decreedOn.AddDays(7 + (delays[4] % 15));
            var disbursed = requested?.AddDays(1 + (delays[5] % 5));
            var visit = monitored
                ? new MonitoringReport(disbursed!.Value.AddDays(45 + (delays[6] % 106)), fundsUsed, revenue, business, [$"{photo}/monitoring.jpg"],
                    fundsUsed ? "Hibah dipakai untuk bahan baku dan peralatan." : "Sebagian hibah dipakai untuk keperluan rumah tangga; pendamping memberi arahan.")
                : null;
            DateOnly? closedOn = closed ? visit!.VisitedOn.AddDays(14 + (delays[7] % 47)) : null;
            return new DemoApplication(request, new DemoSteps(submitted, checkedOn, field, pendamping, eligible, requested, disbursed, visit, closedOn));
        };
    }

    private DemoGrants.CategorySetup Category(decimal amount)
    {
        var candidates = _programme.Categories.Where(c => c.Amount == amount).ToList();
        var roll = random.NextDouble() * candidates.Sum(c => c.Weight);
        foreach (var candidate in candidates)
        {
            roll -= candidate.Weight;
            if (roll < 0)
            {
                return candidate;
            }
        }

        return candidates[^1];
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}

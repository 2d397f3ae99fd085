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

    /// <summary>
    /// The same set at about one <paramref name="divisor"/>th (tests that need the rules of the set,
    /// not its size): the same programmes and decrees, each decree granting the first of its
    /// applications, rounded up, so every year, regency and decree is still there.
    /// </summary>
    public DemoSet Scaled(int divisor)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(divisor, 1);
        return divisor == 1
            ? this
            : this with { Batches = [.. Batches.Select(b => b with { Applications = [.. b.Applications.Take((b.Applications.Count + divisor - 1) / divisor)] })] };
    }

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
        p.Year, p.Name, p.Budget, p.TargetRecipients, [.. p.Categories.Select(c => new ProgrammeInput.CategoryDto(c.Code, c.Name, c.Amount))], p.ReferenceDate, p.Window);
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
    // Days from submission to eligibility, at most (the steps below take up to 45); a decree comes after.
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
            .Select(r =>
            {
                var perRound = Split(r.Value, rounds);
                var decreeDays = perRound.SelectMany((count, round) => Enumerable.Repeat(rounds[round].On, count)).ToList();
                return (PerRound: perRound, Applications: Applications(r.Key, decreeDays));
            })
            .ToList();
        for (var round = 0; round < rounds.Count; round++)
        {
            foreach (var (perRound, applications) in perRegency.Where(r => r.PerRound[round] > 0))
            {
                _decreeSerial += random.Next(3, 40);
                var number = string.Create(CultureInfo.InvariantCulture, $"{_decreeSerial}/KEP.GUB/DISKOPUKM/{_programme.Year}");
                var granted = applications.Skip(perRound.Take(round).Sum()).Take(perRound[round]);
                yield return new DemoBatch(_programme.Year, number, rounds[round].On, [.. granted]);
            }
        }
    }

    /// <summary>A regency's applications per decree round, by the rounds' shares.</summary>
    private static int[] Split(int count, IReadOnlyList<DemoGrants.DecreeRound> rounds)
    {
        var shares = DemoAllocation.Apportion(count, rounds.Select((r, i) => (Key: i.ToString("D3", CultureInfo.InvariantCulture), r.Share)).ToDictionary(r => r.Key, r => r.Share));
        return [.. shares.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => s.Value)];
    }

    /// <summary>The regency's applications, one for each day of decree given, the higher grants among them at random.</summary>
    private List<DemoApplication> Applications(string regencyCode, List<DateOnly> decreeDays)
    {
        var amounts = year.Amounts;
        var higher = year.HigherGrants.GetValueOrDefault(regencyCode);
        var grants = Enumerable.Repeat(amounts[^1], higher).Concat(Enumerable.Repeat(amounts[0], decreeDays.Count - higher)).ToArray();
        random.Shuffle(grants);
        var places = words.Regencies[regencyCode];
        return [.. grants.Select((amount, i) => Application(regencyCode, places, amount, i, decreeDays[i]))];
    }

    private DemoApplication Application(string regencyCode, DemoVocabulary.RegencyPlaces places, decimal amount, int index, DateOnly decreedOn)
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
        var latest = Min(_programme.Window.Closes, decreedOn.AddDays(-DaysToEligibility));
        if (latest < _programme.Window.Opens)
        {
            throw new InvalidOperationException($"{_programme.Year}: a decree on {decreedOn:yyyy-MM-dd} leaves no time after the window opens on {_programme.Window.Opens:yyyy-MM-dd}.");
        }

        var submitted = DayBetween(_programme.Window.Opens, latest);
        var checkedOn = submitted.AddDays(random.Next(2, 15));
        var visited = checkedOn.AddDays(random.Next(3, 22));
        var eligible = visited.AddDays(random.Next(1, 11));
        var field = new FieldVisit(visited, $"Usaha {business.ToLowerInvariant()} berjalan di Kecamatan {places.Kecamatan[kecamatan]}; sesuai dengan permohonan.", true, false, [$"{photo}/verifikasi.jpg"]);
        var steps = new DemoSteps(submitted, checkedOn, field, pendamping, eligible, null, null, null, null);
        return new DemoApplication(request, _programme.FollowUp is { } followUp ? FollowedUp(steps, decreedOn, followUp, business, photo) : steps);
    }

    /// <summary>A past year's grant: paid, then visited and closed as the year's shares have it.</summary>
    private DemoSteps FollowedUp(DemoSteps steps, DateOnly decreedOn, DemoGrants.FollowUp followUp, string business, string photo)
    {
        var requested = decreedOn.AddDays(random.Next(7, 22));
        var disbursed = requested.AddDays(random.Next(1, 6));
        var fundsUsed = random.Next(20) != 0;
        var visit = random.NextDouble() < followUp.Monitored
            ? new MonitoringReport(disbursed.AddDays(random.Next(45, 151)), fundsUsed, random.Next(30, 240) * 50_000m, business, [$"{photo}/monitoring.jpg"],
                fundsUsed ? "Hibah dipakai untuk bahan baku dan peralatan." : "Sebagian hibah dipakai untuk keperluan rumah tangga; pendamping memberi arahan.")
            : null;
        DateOnly? closedOn = visit is not null && random.NextDouble() < followUp.Closed ? visit.VisitedOn.AddDays(random.Next(14, 61)) : null;
        return steps with { DisbursementRequestedOn = requested, DisbursedOn = disbursed, Visit = visit, ClosedOn = closedOn };
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

    private DateOnly DayBetween(DateOnly first, DateOnly last) => first.AddDays(random.Next(last.DayNumber - first.DayNumber + 1));

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}

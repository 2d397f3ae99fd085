using System.Globalization;
using Koperasi.Funding.Applications;
using Koperasi.Funding.Programmes;
using Koperasi.ServiceDefaults.Decisions;

namespace Koperasi.Funding.Tests.Domain;

/// <summary>Programmes, applicants and applications for the given/when/then tests. Every NIK is synthetic.</summary>
internal static class Given
{
    public static readonly DateOnly Today = D(2026, 3, 10);

    public static DateOnly D(int year, int month, int day) => new(year, month, day);

    public static readonly EligibilityRules DefaultRules = new(
        ["mak-mak"],
        [new AgeRange("milenial", 18, 39)],
        GrantLimit.PerYear,
        [Occupation.CivilServant, Occupation.Soldier, Occupation.PoliceOfficer, Occupation.StateCompanyEmployee],
        ExcludeKurDebtors: true);

    public static readonly EligibilityRules NoRules = new([], [], GrantLimit.Off, [], false);

    public static OpenProgrammeCommand Opening(
        decimal budget = 1_000_000_000, EligibilityRules? rules = null, IReadOnlyDictionary<string, int>? quotas = null, int year = 2026) => new(
        Guid.NewGuid(),
        year,
        $"Dumisake UMKM {year}",
        budget,
        TargetRecipients: 100,
        [
            new GrantCategory("mak-mak", "Mak-mak", 10_000_000, true),
            new GrantCategory("wirausaha-pemula", "Wirausaha pemula", 20_000_000, true),
            new GrantCategory("milenial", "Milenial", 20_000_000, true),
        ],
        quotas ?? new Dictionary<string, int>(),
        rules ?? DefaultRules,
        ReferenceDate: D(year, 1, 1),
        new ApplicationWindow(D(year, 2, 1), D(year, 4, 30)));

    public static Programme Opened(OpenProgrammeCommand? opening = null, params object[] more) =>
        Fold<Programme>([.. Accepted(Programmes.Programme.Open(opening ?? Opening())), .. more], Programmes.Programme.Fold);

    /// <summary>A synthetic NIK: region 1501 01, the birth date (day + 40 for a woman) and a serial.</summary>
    public static string NikOf(DateOnly birthDate, Sex sex, string region = "150101", int serial = 1) =>
        region + (birthDate.Day + (sex == Sex.Female ? 40 : 0)).ToString("00", CultureInfo.InvariantCulture)
        + birthDate.ToString("MMyy", CultureInfo.InvariantCulture) + serial.ToString("0000", CultureInfo.InvariantCulture);

    public static SubmitApplicationCommand Submission(
        Programme programme,
        string category = "wirausaha-pemula",
        Sex sex = Sex.Female,
        DateOnly? birthDate = null,
        Occupation occupation = Occupation.Trader,
        bool kurDebtor = false,
        string regency = "1503",
        Guid? cooperativeId = null,
        Guid? applicantId = null)
    {
        var born = birthDate ?? D(1990, 7, 15);
        return new SubmitApplicationCommand(
            Guid.NewGuid(), applicantId ?? Guid.NewGuid(), NikStructure.Read(NikOf(born, sex), out _)!, programme.Id, category, sex, born, regency,
            "Pelawan", occupation, kurDebtor, Nib: null, "Keripik pisang", cooperativeId);
    }

    public static IReadOnlyList<object> Submitted(Programme programme, SubmitApplicationCommand command) =>
        Accepted(Application.Submit(command, programme, alreadyApplied: false, [], Today));

    /// <summary>An application taken through the flow up to (and including) the given status.</summary>
    public static Application ApplicationAt(ApplicationStatus status, Programme programme, SubmitApplicationCommand? command = null)
    {
        var submission = command ?? Submission(programme);
        var events = new List<object>(Submitted(programme, submission));
        Application State() => Fold<Application>(events, Application.Fold);
        void Step(Func<Application, Decision> decide) => events.AddRange(Accepted(decide(State())));

        if (status == ApplicationStatus.Submitted)
        {
            return State();
        }

        Step(a => a.CheckDocuments(true, [], null, Today));
        if (status == ApplicationStatus.DocumentsChecked)
        {
            return State();
        }

        Step(a => a.VerifyInField(new FieldVisit(Today, "Usaha berjalan", true, false, ["foto/1.jpg"]), "pendamping-1503", Today));
        if (status == ApplicationStatus.FieldVerified)
        {
            return State();
        }

        Step(a => a.DecideEligibility(true, [], null, programme, [], Today));
        if (status == ApplicationStatus.Eligible)
        {
            return State();
        }

        Step(a => a.DecreeGrant(programme.Id, new DecreeTerms(Guid.NewGuid(), "188.4/1/KPTS/2026", Today, 20_000_000)));
        if (status == ApplicationStatus.Decreed)
        {
            return State();
        }

        var disbursement = Guid.NewGuid();
        Step(a => a.RequestDisbursement(disbursement, Today));
        if (status == ApplicationStatus.DisbursementRequested)
        {
            return State();
        }

        Step(a => a.RecordDisbursement(disbursement, "TRF-0001", Today));
        if (status == ApplicationStatus.Disbursed)
        {
            return State();
        }

        Step(a => a.RecordVisit(new MonitoringReport(Today, true, 3_500_000, "Keripik", [], null), "pendamping-1503", Today));
        return status == ApplicationStatus.Monitored ? State() : throw new ArgumentOutOfRangeException(nameof(status));
    }

    public static T Fold<T>(IEnumerable<object> events, Func<T?, object, T?> fold) where T : class =>
        events.Aggregate((T?)null, fold) ?? throw new InvalidOperationException("Nothing to fold.");

    public static IReadOnlyList<object> Accepted(Decision decision)
    {
        decision.Error.ShouldBeNull(decision.Error?.Detail);
        return decision.Events;
    }

    public static DomainError Rejected(Decision decision)
    {
        decision.Events.ShouldBeEmpty();
        return decision.Error.ShouldNotBeNull();
    }
}

using System.Globalization;
using Koperasi.Registry.Activity;
using Koperasi.ServiceDefaults.Decisions;

namespace Koperasi.Registry.Cooperatives;

/// <summary>A registration as the domain sees it: validated, with the regency code normalized.</summary>
public sealed record RegisterCooperative(
    Guid CooperativeId,
    string Name,
    CooperativeForm Form,
    CooperativeType Type,
    SavingsLoanScheme? SavingsLoanScheme,
    bool Syariah,
    bool MultiPihak,
    IReadOnlyList<string> MemberClasses,
    SupervisionLevel SupervisionLevel,
    Address Address,
    LegalEntity LegalEntity,
    NotarialDeed? Deed,
    int FoundingMembers,
    int MemberCount,
    string BusinessField,
    string? Nib,
    NikKoperasi? NikKoperasi,
    IReadOnlyList<BoardMember> Board,
    Contact? Contact,
    IReadOnlyList<RatReport> RatHistory);

/// <summary>A RAT to record.</summary>
public sealed record RatReport(
    int FinancialYear,
    DateOnly HeldOn,
    int MembersPresent,
    int MembersTotal,
    RatMode Mode,
    decimal? Assets,
    decimal? BusinessVolume,
    decimal? Surplus);

/// <summary>Notifiable data to change; a null part stays as it is.</summary>
public sealed record DetailsChange(Address? Address, IReadOnlyList<BoardMember>? Board, Contact? Contact, string? Nib, NikKoperasi? NikKoperasi);

public sealed partial record Cooperative
{
    /// <summary>PP 7/2021 lowered the founders a primer needs from 20 to 9.</summary>
    private static readonly DateOnly NineFoundersSince = new(2021, 1, 1);

    /// <summary>Registers a koperasi, with the RATs it already held, and its activity up to today.</summary>
    public static Decision Register(RegisterCooperative command, DateOnly today, ActivityPolicy policy)
    {
        if (CheckRegistration(command, today) is { } broken)
        {
            return broken;
        }

        var registered = new CooperativeRegistered(
            command.CooperativeId, command.Name, command.Form, command.Type, command.SavingsLoanScheme, command.Syariah,
            command.MultiPihak, command.MemberClasses, command.SupervisionLevel, command.Address, command.LegalEntity,
            command.Deed, command.FoundingMembers, command.MemberCount, command.BusinessField, command.Nib,
            command.Board, command.Contact);
        var events = new List<object> { registered };
        var state = Founded(registered);
        foreach (var report in command.RatHistory.OrderBy(r => r.HeldOn))
        {
            if (state.CheckRat(report, today) is { } ratBroken)
            {
                return ratBroken with { Field = $"ratHistory[{command.RatHistory.ToList().IndexOf(report)}].{ratBroken.Field}" };
            }

            var reported = state.Reported(report, policy);
            events.Add(reported);
            state = state.WithRat(reported);
        }

        if (command.NikKoperasi is { } nik)
        {
            if (state.CheckNikKoperasi(nik, today, policy) is { } nikBroken)
            {
                return nikBroken;
            }

            events.Add(new CooperativeDetailsChanged(command.CooperativeId, null, null, null, null, nik));
        }

        events.AddRange(state.ReconcileActivity(today, policy));
        return Decision.Accept(events);
    }

    /// <summary>Records a RAT (late ones are accepted and flagged) and what it means for activity.</summary>
    public Decision ReportRat(RatReport report, DateOnly today, ActivityPolicy policy)
    {
        if (CheckRat(report, today) is { } broken)
        {
            return broken;
        }

        var reported = Reported(report, policy);
        return Decision.Accept([reported, .. WithRat(reported).ReconcileActivity(today, policy)]);
    }

    /// <summary>Re-evaluates activity as time has passed (or the policy changed).</summary>
    public Decision EvaluateActivity(DateOnly today, ActivityPolicy policy) =>
        Decision.Accept(ReconcileActivity(today, policy));

    /// <summary>Changes notifiable data; nothing is recorded when nothing differs.</summary>
    public Decision ChangeDetails(DetailsChange change, DateOnly today, ActivityPolicy policy)
    {
        if (change.Address is { } address && address.RegencyCode != Address.RegencyCode)
        {
            return DomainError.Unprocessable(
                "domicile-change-needs-articles-amendment",
                "Moving the domicile to another regency changes the articles of association (perubahan anggaran dasar); it is not a notification.",
                "address.regencyCode");
        }

        var nik = change.NikKoperasi is { } n && n != NikKoperasi ? n : null;
        if (nik is not null && CheckNikKoperasi(nik, today, policy) is { } broken)
        {
            return broken;
        }

        var changed = new CooperativeDetailsChanged(
            Id,
            change.Address is { } a && a != Address ? a : null,
            change.Board is { } board && !board.SequenceEqual(Board) ? board : null,
            change.Contact is { } contact && contact != Contact ? contact : null,
            change.Nib is { } nib && nib != Nib ? nib : null,
            nik);
        var nothingChanged = changed is { Address: null, Board: null, Contact: null, Nib: null, NikKoperasi: null };
        return nothingChanged ? Decision.Accept() : Decision.Accept(changed);
    }

    private static DomainError? CheckRegistration(RegisterCooperative command, DateOnly today)
    {
        var foundedOn = command.Deed?.Date ?? command.LegalEntity.DecreeDate;
        var (minimum, founders) = command.Form == CooperativeForm.Sekunder
            ? (3, "member cooperatives")
            : (foundedOn < NineFoundersSince ? 20 : 9, "people");
        if (command.FoundingMembers < minimum)
        {
            return DomainError.Unprocessable(
                command.Form == CooperativeForm.Sekunder ? "sekunder-needs-three-founding-cooperatives" : "primer-needs-minimum-founders",
                $"A {command.Form.ToString().ToLowerInvariant()} koperasi founded on {foundedOn:yyyy-MM-dd} needs at least {minimum} founding {founders}; {command.FoundingMembers} given.",
                "foundingMembers");
        }

        if (command.MultiPihak && command.MemberClasses.Distinct(StringComparer.OrdinalIgnoreCase).Count() < 2)
        {
            return DomainError.Unprocessable("multi-pihak-needs-two-member-classes", "A multi-pihak koperasi has at least two member classes.", "memberClasses");
        }

        if ((command.Type == CooperativeType.SimpanPinjam) != command.SavingsLoanScheme.HasValue)
        {
            return DomainError.Unprocessable(
                "savings-loan-scheme-only-for-simpan-pinjam",
                "A simpan-pinjam koperasi is close-loop or open-loop; other types have no savings-and-loan scheme.",
                "savingsLoanScheme");
        }

        if (command.LegalEntity.DecreeDate > today)
        {
            return DomainError.Unprocessable("decree-date-in-future", "The decree date cannot be after today.", "legalEntity.decreeDate");
        }

        if (command.Deed is { } deed && deed.Date > command.LegalEntity.DecreeDate)
        {
            return DomainError.Unprocessable("deed-after-decree", "The notarial deed is drawn up before the ministry ratifies it.", "deed.date");
        }

        return command.RatHistory.GroupBy(r => r.FinancialYear).FirstOrDefault(g => g.Count() > 1) is { } twice
            ? DomainError.Unprocessable("rat-year-already-reported", $"The history lists financial year {twice.Key} twice.", "ratHistory")
            : null;
    }

    private DomainError? CheckRat(RatReport report, DateOnly today)
    {
        if (Rats.Any(r => r.FinancialYear == report.FinancialYear))
        {
            return DomainError.Conflict("rat-year-already-reported", $"The RAT of financial year {report.FinancialYear} is already recorded.", "financialYear");
        }

        if (report.FinancialYear < LegalEntity.DecreeDate.Year)
        {
            return DomainError.Unprocessable("rat-year-before-legal-entity", $"The koperasi became a legal entity in {LegalEntity.DecreeDate.Year}; it has no RAT for {report.FinancialYear}.", "financialYear");
        }

        if (report.HeldOn < new DateOnly(report.FinancialYear + 1, 1, 1))
        {
            return DomainError.Unprocessable("rat-before-year-closed", $"The RAT of financial year {report.FinancialYear} is held after the year closes, from 1 January {report.FinancialYear + 1}.", "heldOn");
        }

        return report.HeldOn > today
            ? DomainError.Unprocessable("rat-in-future", "A RAT is reported after it is held; the date is after today.", "heldOn")
            : null;
    }

    private DomainError? CheckNikKoperasi(NikKoperasi nik, DateOnly today, ActivityPolicy policy)
    {
        if (nik.IssuedOn > today)
        {
            return DomainError.Unprocessable("nik-koperasi-issued-in-future", "The NIK koperasi's issue date is after today.", "nikKoperasi.issuedOn");
        }

        var recentRat = Rats.Any(r => r.HeldOn <= nik.IssuedOn && r.HeldOn > nik.IssuedOn.AddYears(-policy.NikKoperasiRatWithinYears));
        return recentRat
            ? null
            : DomainError.Unprocessable(
                "nik-koperasi-needs-recent-rat",
                $"A NIK koperasi is issued only to a koperasi that held a RAT in the {policy.NikKoperasiRatWithinYears} years before; none is recorded before {nik.IssuedOn:yyyy-MM-dd}.",
                "nikKoperasi");
    }

    private RatReported Reported(RatReport report, ActivityPolicy policy) => new(
        Id, report.FinancialYear, report.HeldOn, report.MembersPresent, report.MembersTotal, report.Mode,
        Late: report.HeldOn >= policy.DeadlineOf(report.FinancialYear),
        report.Assets, report.BusinessVolume, report.Surplus);

    /// <summary>
    /// Brings the recorded activity in line with the rule up to today: new changes are appended;
    /// if the past itself changed (a RAT entered long after it was held), the corrected history
    /// replaces it.
    /// </summary>
    private IEnumerable<object> ReconcileActivity(DateOnly today, ActivityPolicy policy)
    {
        var history = ActivityRule.History(LegalEntity.DecreeDate, Rats, today, policy);
        var recorded = ActivityPeriods;
        var extendsRecorded = history.Count >= recorded.Count && recorded.Select((period, i) => history[i] == period).All(same => same);
        if (!extendsRecorded)
        {
            return [new ActivityHistoryRevised(Id, history, "Riwayat keaktifan dihitung ulang karena data RAT atau kebijakan berubah.")];
        }

        return history.Skip(recorded.Count).Select((period, i) =>
            (object)new ActivityChanged(Id, history[recorded.Count + i - 1].Status, period.Status, period.From, ReasonFor(period, policy)));
    }

    private string ReasonFor(ActivityPeriod period, ActivityPolicy policy)
    {
        if (period.Status == ActivityStatus.Aktif)
        {
            var rat = Rats.Where(r => r.HeldOn == period.From).MaxBy(r => r.FinancialYear);
            return rat is null
                ? "Kembali aktif."
                : string.Create(CultureInfo.InvariantCulture, $"RAT tahun buku {rat.FinancialYear} diselenggarakan pada {rat.HeldOn:yyyy-MM-dd}.");
        }

        var lastMissed = policy.LatestDueYear(period.From);
        var firstMissed = lastMissed - policy.YearsWithoutRat + 1;
        return string.Create(CultureInfo.InvariantCulture, $"Tidak menyelenggarakan RAT {policy.YearsWithoutRat} tahun buku berturut-turut ({firstMissed}–{lastMissed}).");
    }
}

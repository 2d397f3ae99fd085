using Koperasi.Registry.Activity;
using Koperasi.ServiceDefaults.Decisions;

namespace Koperasi.Registry.Cooperatives;

// Registering a koperasi, with the RATs it already held.
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

        var registered = new RegistrationRecorded(
            command.CooperativeId, command.Profile, command.LegalEntity, command.Deed, command.FoundingMembers, command.MemberCount,
            command.Nib, command.Board, command.Contact, command.PredecessorIds, command.CaseId);
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

            events.Add(new DetailsChanged(command.CooperativeId, null, null, null, null, nik));
        }

        events.AddRange(state.ReconcileActivity(today, policy));
        return Decision.Accept(events);
    }

    private static DomainError? CheckRegistration(RegisterCooperative command, DateOnly today)
    {
        var foundedOn = command.Deed?.Date ?? command.LegalEntity.DecreeDate;
        var profile = command.Profile;
        var (minimum, founders) = profile.Form == CooperativeForm.Sekunder
            ? (3, "member cooperatives")
            : (foundedOn < NineFoundersSince ? 20 : 9, "people");
        if (command.FoundingMembers < minimum)
        {
            return DomainError.Unprocessable(
                profile.Form == CooperativeForm.Sekunder ? "sekunder-needs-three-founding-cooperatives" : "primer-needs-minimum-founders",
                $"A {profile.Form.ToString().ToLowerInvariant()} koperasi founded on {foundedOn:yyyy-MM-dd} needs at least {minimum} founding {founders}; {command.FoundingMembers} given.",
                "foundingMembers");
        }

        if (profile.MultiPihak && profile.MemberClasses.Distinct(StringComparer.OrdinalIgnoreCase).Count() < 2)
        {
            return DomainError.Unprocessable("multi-pihak-needs-two-member-classes", "A multi-pihak koperasi has at least two member classes.", "memberClasses");
        }

        if ((profile.Type == CooperativeType.SimpanPinjam) != profile.SavingsLoanScheme.HasValue)
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
}

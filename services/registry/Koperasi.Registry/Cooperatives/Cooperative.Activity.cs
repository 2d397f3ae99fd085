using System.Globalization;
using Koperasi.Registry.Activity;
using Koperasi.ServiceDefaults.Decisions;

namespace Koperasi.Registry.Cooperatives;

// Keeping the recorded activity in line with the rule as facts arrive and time passes.
public sealed partial record Cooperative
{
    /// <summary>
    /// Re-evaluates activity as time has passed (or the policy changed). A dissolved koperasi owes
    /// no more RATs: its activity stays as it was when it ended.
    /// </summary>
    public Decision EvaluateActivity(DateOnly today, ActivityPolicy policy) =>
        Dissolution is null ? Decision.Accept(ReconcileActivity(today, policy)) : Decision.Accept();

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

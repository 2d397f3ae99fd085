using Koperasi.Registry.Activity;
using Koperasi.ServiceDefaults.Decisions;

namespace Koperasi.Registry.Cooperatives;

// Reporting a RAT.
public sealed partial record Cooperative
{
    /// <summary>
    /// Records a RAT (late ones are accepted and flagged) and what it means for activity. The RAT of
    /// the latest year sets the register's member count to its members' total, saying so in the event.
    /// </summary>
    public Decision ReportRat(RatReport report, DateOnly today, ActivityPolicy policy)
    {
        if ((CheckExisting() ?? CheckRat(report, today)) is { } broken)
        {
            return broken;
        }

        var isLatest = Rats.All(r => r.FinancialYear < report.FinancialYear);
        var reported = Reported(report, policy) with
        {
            MemberCount = isLatest && report.MembersTotal != MemberCount ? report.MembersTotal : null,
        };
        return Decision.Accept([reported, .. WithRat(reported).ReconcileActivity(today, policy)]);
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

    private RatRecorded Reported(RatReport report, ActivityPolicy policy) => new(
        Id, report.FinancialYear, report.HeldOn, report.MembersPresent, report.MembersTotal, report.Mode,
        Late: report.HeldOn >= policy.DeadlineOf(report.FinancialYear),
        report.Assets, report.BusinessVolume, report.Surplus);
}

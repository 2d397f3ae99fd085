using Koperasi.ServiceDefaults.Decisions;

namespace Koperasi.Funding.Applications;

// Monitoring visits after disbursement, and closing the file.
public sealed partial record Application
{
    public Decision RecordVisit(MonitoringReport report, string visitedBy, DateOnly today)
    {
        if (Expect("a monitoring visit", ApplicationStatus.Disbursed, ApplicationStatus.Monitored) is { } stage)
        {
            return stage;
        }

        return NotBetween(report.VisitedOn, Disbursement!.DisbursedOn!.Value, today, "visitedOn", "A monitoring visit after the disbursement") is { } date
            ? date
            : Decision.Accept(new MonitoringVisitRecorded(
                Id, ApplicantId, ProgrammeYear, Category, RegencyCode, Kecamatan, Visits.Count + 1, report.VisitedOn, visitedBy,
                report.FundsUsedAsPlanned, report.MonthlyRevenue, report.Production, report.PhotoReferences, report.Notes));
    }

    public Decision Close(string? notes, DateOnly today) =>
        Expect("closing", ApplicationStatus.Monitored) is { } stage
            ? stage
            : Decision.Accept(new ApplicationClosed(Id, today, notes));
}

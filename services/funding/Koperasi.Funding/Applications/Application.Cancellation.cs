using Koperasi.ServiceDefaults.Decisions;

namespace Koperasi.Funding.Applications;

// Cancelling before the money moves.
public sealed partial record Application
{
    /// <summary>
    /// Cancels an application that has not been decided against nor sent to the bank. A decreed
    /// grant is withdrawn with it; the caller records the withdrawal on the programme in the same
    /// transaction, so budget and quota get it back.
    /// </summary>
    public Decision Cancel(string reason, DateOnly today)
    {
        if (Expect(
            "a cancellation (only before disbursement)",
            ApplicationStatus.Submitted, ApplicationStatus.DocumentsChecked, ApplicationStatus.FieldVerified, ApplicationStatus.Eligible, ApplicationStatus.Decreed) is { } stage)
        {
            return stage;
        }

        var withdrawn = Decree is { } decree
            ? new WithdrawnGrant(ProgrammeId, ProgrammeYear, Category, RegencyCode, Kecamatan, decree.Amount)
            : null;
        return Decision.Accept(new ApplicationCancelled(Id, today, reason, withdrawn));
    }
}

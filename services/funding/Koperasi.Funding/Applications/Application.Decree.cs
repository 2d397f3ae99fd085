using Koperasi.ServiceDefaults.Decisions;

namespace Koperasi.Funding.Applications;

// Being granted in a decree batch (the batch itself is the programme's decision).
public sealed partial record Application
{
    public Decision DecreeGrant(Guid programmeId, DecreeTerms terms)
    {
        if (Expect("a decree", ApplicationStatus.Eligible) is { } stage)
        {
            return stage;
        }

        return programmeId != ProgrammeId
            ? DomainError.Unprocessable("application-of-another-programme", $"The application belongs to programme {ProgrammeYear}'s stream {ProgrammeId}.")
            : Decision.Accept(new GrantAwarded(
                Id, terms.Amount, terms.BatchId, terms.DecreeNumber, terms.DecreeDate));
    }
}

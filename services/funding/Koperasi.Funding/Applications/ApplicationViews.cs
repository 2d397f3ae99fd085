using System.Security.Claims;
using Koperasi.Funding.Applicants;
using Koperasi.Funding.Programmes;
using Marten;

namespace Koperasi.Funding.Applications;

/// <summary>
/// Builds what a caller sees of applications (<see cref="ApplicationResponse"/>): their applicants'
/// cards and their programmes' reference dates loaded once for a whole page.
/// </summary>
public static class ApplicationViews
{
    public static async Task<IReadOnlyList<ApplicationResponse>> ShowAsync(
        IQuerySession session, ClaimsPrincipal user, IReadOnlyList<Application> applications, CancellationToken cancellationToken)
    {
        if (applications.Count == 0)
        {
            return [];
        }

        var cards = (await session.LoadManyAsync<ApplicantCard>(cancellationToken, [.. applications.Select(a => a.ApplicantId).Distinct()])).ToDictionary(c => c.Id);
        var programmes = (await session.LoadManyAsync<Programme>(cancellationToken, [.. applications.Select(a => a.ProgrammeId).Distinct()])).ToDictionary(p => p.Id);
        var identified = ApplicantDisclosure.Identifies(user);
        return
        [
            .. applications.Select(a => ApplicationResponse.From(
                a, cards.GetValueOrDefault(a.ApplicantId), programmes.GetValueOrDefault(a.ProgrammeId)?.ReferenceDate, identified)),
        ];
    }

    public static async Task<ApplicationResponse> ShowAsync(IQuerySession session, ClaimsPrincipal user, Application application, CancellationToken cancellationToken) =>
        (await ShowAsync(session, user, [application], cancellationToken))[0];
}

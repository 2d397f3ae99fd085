using System.Linq.Expressions;
using Marten;

namespace Koperasi.Funding.Applications;

/// <summary>The grants people hold (decreed and not cancelled), found by their pseudonyms.</summary>
public static class GrantsHeldQuery
{
    public static async Task<IReadOnlyDictionary<Guid, IReadOnlyList<GrantHeld>>> ForAsync(
        IQuerySession session, IReadOnlyCollection<Guid> applicantIds, CancellationToken cancellationToken) =>
        applicantIds.Count == 0
            ? []
            : ByApplicant(await session.Query<Application>().Where(HeldBy(applicantIds)).ToListAsync(cancellationToken));

    /// <summary>The applications that are grants held by these applicants: for a query of its own or in a batch of queries.</summary>
    public static Expression<Func<Application, bool>> HeldBy(IReadOnlyCollection<Guid> applicantIds)
    {
        var ids = applicantIds.Distinct().ToArray();
        return a => ids.Contains(a.ApplicantId) && a.Decree != null && a.Status != ApplicationStatus.Cancelled;
    }

    /// <summary>The grants of <see cref="HeldBy"/>'s applications, by applicant.</summary>
    public static Dictionary<Guid, IReadOnlyList<GrantHeld>> ByApplicant(IEnumerable<Application> holding) =>
        holding.GroupBy(a => a.ApplicantId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<GrantHeld>)[.. g.Select(a => new GrantHeld(a.Id, a.ProgrammeId, a.ProgrammeYear))]);

    /// <summary>All grants held by any of these pseudonyms (one person may have been stored under more than one).</summary>
    public static async Task<IReadOnlyList<GrantHeld>> OfAnyAsync(IQuerySession session, IReadOnlyCollection<Guid> applicantIds, CancellationToken cancellationToken) =>
        [.. (await ForAsync(session, applicantIds, cancellationToken)).Values.SelectMany(g => g)];
}

using Marten;

namespace Koperasi.Funding.Applications;

/// <summary>The grants people hold (decreed and not cancelled), found by their pseudonyms.</summary>
public static class GrantsHeldQuery
{
    public static async Task<IReadOnlyDictionary<Guid, IReadOnlyList<GrantHeld>>> ForAsync(
        IQuerySession session, IReadOnlyCollection<Guid> applicantIds, CancellationToken cancellationToken)
    {
        if (applicantIds.Count == 0)
        {
            return new Dictionary<Guid, IReadOnlyList<GrantHeld>>();
        }

        var ids = applicantIds.Distinct().ToArray();
        var holding = await session.Query<Application>()
            .Where(a => ids.Contains(a.ApplicantId) && a.Decree != null && a.Status != ApplicationStatus.Cancelled)
            .ToListAsync(cancellationToken);
        return holding.GroupBy(a => a.ApplicantId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<GrantHeld>)[.. g.Select(a => new GrantHeld(a.Id, a.ProgrammeId, a.ProgrammeYear))]);
    }

    /// <summary>All grants held by any of these pseudonyms (one person may have been stored under more than one).</summary>
    public static async Task<IReadOnlyList<GrantHeld>> OfAnyAsync(IQuerySession session, IReadOnlyCollection<Guid> applicantIds, CancellationToken cancellationToken) =>
        [.. (await ForAsync(session, applicantIds, cancellationToken)).Values.SelectMany(g => g)];
}

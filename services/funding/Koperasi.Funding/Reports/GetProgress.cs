using Koperasi.Funding.Programmes;
using Marten;
using Microsoft.Extensions.Options;

namespace Koperasi.Funding.Reports;

/// <summary>Each programme against its target and budget, and the recipients of the RPJMD period against its target.</summary>
public static class GetProgress
{
    public sealed record ProgrammeProgress(
        Guid ProgrammeId, int Year, string Name, int TargetRecipients, int Recipients, decimal TargetShare, decimal Budget, decimal Amount, decimal BudgetShare);

    public sealed record RpjmdProgress(int FirstYear, int LastYear, int TargetRecipients, int Recipients, decimal TargetShare);

    public sealed record Response(IReadOnlyList<ProgrammeProgress> Programmes, RpjmdProgress Rpjmd);

    public static void Map(RouteGroupBuilder reports) =>
        reports.MapGet("/progress", Handle)
            .WithName("GetProgress")
            .RequireAuthorization(FundingPolicies.Reports)
            .WithSummary("Progress against the targets")
            .WithDescription("Per programme: recipients against its target and amount against its budget; and the recipients of the RPJMD years (Reports:RpjmdFirstYear–RpjmdLastYear) against Reports:RpjmdTarget. Shares are fractions (1 = 100%).")
            .Produces<Response>();

    private static async Task<IResult> Handle(IDocumentStore store, IQuerySession session, IOptions<ReportSettings> settings, CancellationToken cancellationToken)
    {
        var totals = await GrantTotals.ReadAsync(store, null, cancellationToken);
        var byYear = totals.GroupBy(t => t.Year).ToDictionary(g => g.Key, g => (Recipients: g.Sum(t => t.Recipients), Amount: g.Sum(t => t.Amount)));
        var programmes = await session.Query<Programme>().OrderBy(p => p.Year).ToListAsync(cancellationToken);
        var progress = programmes.Select(p =>
        {
            var (recipients, amount) = byYear.GetValueOrDefault(p.Year);
            return new ProgrammeProgress(p.Id, p.Year, p.Name, p.TargetRecipients, recipients, Share(recipients, p.TargetRecipients), p.Budget, amount, Share(amount, p.Budget));
        }).ToList();

        var rpjmd = settings.Value;
        var inPeriod = byYear.Where(y => y.Key >= rpjmd.RpjmdFirstYear && y.Key <= rpjmd.RpjmdLastYear).Sum(y => y.Value.Recipients);
        return TypedResults.Ok(new Response(progress, new RpjmdProgress(rpjmd.RpjmdFirstYear, rpjmd.RpjmdLastYear, rpjmd.RpjmdTarget, inPeriod, Share(inPeriod, rpjmd.RpjmdTarget))));
    }

    private static decimal Share(decimal part, decimal whole) => whole == 0 ? 0 : Math.Round(part / whole, 4);
}

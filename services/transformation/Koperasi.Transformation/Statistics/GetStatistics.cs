using Koperasi.ServiceDefaults.Http;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Transformation.Statistics;

/// <summary>Transformations completed per year: mergers, amalgamations, changes of articles, koperasi absorbed, members moved.</summary>
public static class GetStatistics
{
    public sealed record Response(IReadOnlyList<Row> Years, Row? Total);

    public sealed record Row(int? Year, int Mergers, int Amalgamations, int ArticlesAmendments, int CooperativesAbsorbed, int MembersMoved)
    {
        public static Row From(TransformationYear y) => new(y.Id, y.Mergers, y.Amalgamations, y.ArticlesAmendments, y.CooperativesAbsorbed, y.MembersMoved);
    }

    public static void Map(RouteGroupBuilder transformation) =>
        transformation.MapGet("/statistics", Handle)
            .WithName("GetTransformationStatistics")
            .RequireAuthorization(TransformationPolicies.Read)
            .WithTags("Statistics")
            .WithSummary("Transformations completed per year")
            .WithDescription("Per year in which they took effect (the ratification's date, or the deed's for a change of other articles only): mergers, amalgamations and changes of the articles completed, the koperasi absorbed in them (merged into a survivor or amalgamated into a new koperasi) and the members who moved. year gives one year (zeros when nothing happened); without it, every year with a completed case and their total.")
            .Produces<Response>()
            .ProducesValidationProblem();

    private static async Task<Results<Ok<Response>, ValidationProblem>> Handle(IQuerySession session, CancellationToken cancellationToken, int? year = null)
    {
        var v = new RequestValidation().Year(year, "year", FieldRules.EarliestCooperativeDate.Year, 9999);
        if (!v.IsValid)
        {
            return v.ToValidationProblem();
        }

        if (year is { } one)
        {
            var counted = await session.LoadAsync<TransformationYear>(one, cancellationToken) ?? TransformationYear.Empty(one);
            return TypedResults.Ok(new Response([Row.From(counted)], null));
        }

        var years = await session.Query<TransformationYear>().OrderBy(y => y.Id).ToListAsync(cancellationToken);
        var total = new Row(
            null, years.Sum(y => y.Mergers), years.Sum(y => y.Amalgamations), years.Sum(y => y.ArticlesAmendments),
            years.Sum(y => y.CooperativesAbsorbed), years.Sum(y => y.MembersMoved));
        return TypedResults.Ok(new Response([.. years.Select(Row.From)], total));
    }
}

using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Time;
using Koperasi.Transformation.Cases;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Koperasi.Transformation.Dissolutions;

/// <summary>Name the liquidation team (tim penyelesai).</summary>
public static class NameLiquidationTeam
{
    public sealed record Request
    {
        public required IReadOnlyList<string> Members { get; init; }
        public required DateOnly NamedOn { get; init; }
    }

    public static void Map(RouteGroupBuilder cases) =>
        cases.MapPost("/{id:guid}/liquidation-team", Handle)
            .WithName("NameLiquidationTeam")
            .WithSummary("Name the liquidation team (tim penyelesai)")
            .WithDescription("Once decided: the team's members and the day they were named. Needs If-Match.")
            .AsDissolutionStep();

    private static Task<Results<Ok<DissolutionCase>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, IDocumentSession session, HttpContext http, TimeProvider clock, IOptions<DissolutionOptions> options, IOptions<MeetingPolicy> policy)
    {
        var v = new RequestValidation();
        v.Items(request.Members, "members", 20, min: 1);
        for (var i = 0; i < Math.Min(request.Members?.Count ?? 0, 20); i++)
        {
            v.Name(request.Members![i], $"members[{i}]", 200);
        }

        v.Date(request.NamedOn, "namedOn", FieldRules.EarliestCooperativeDate);
        var today = clock.Today();
        return DissolutionSteps.ApplyAsync(id, http, session, v, current => current.NameLiquidationTeam([.. request.Members!.Select(m => m.Trim())], request.NamedOn, today));
    }
}

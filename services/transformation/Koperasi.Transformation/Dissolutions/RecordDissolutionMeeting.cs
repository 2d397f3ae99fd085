using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Time;
using Koperasi.Transformation.Cases;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Koperasi.Transformation.Dissolutions;

/// <summary>Record the members' meeting on a dissolution.</summary>
public static class RecordDissolutionMeeting
{
    public sealed record Request
    {
        public required Guid CooperativeId { get; init; }
        public required DateOnly HeldOn { get; init; }
        public required int MembersPresent { get; init; }
        public required int MembersTotal { get; init; }
        public required int VotesFor { get; init; }
        public required int VotesAgainst { get; init; }
    }

    public static void Map(RouteGroupBuilder cases) =>
        cases.MapPost("/{id:guid}/meeting", Handle)
            .WithName("RecordDissolutionMeeting")
            .WithSummary("Record the members' meeting on a dissolution")
            .WithDescription("Members' path: quorum 3/4 and decision 2/3 (the shared meeting policy); a meeting short of either rejects the case. Needs If-Match.")
            .AsDissolutionStep();

    private static Task<Results<Ok<DissolutionCase>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, IDocumentSession session, HttpContext http, TimeProvider clock, IOptions<DissolutionOptions> options, IOptions<MeetingPolicy> policy)
    {
        var v = new RequestValidation();
        v.Id(request.CooperativeId, "cooperativeId");
        v.Date(request.HeldOn, "heldOn", FieldRules.EarliestCooperativeDate);
        v.Count(request.MembersPresent, "membersPresent", 0, 10_000_000);
        v.Count(request.MembersTotal, "membersTotal", 1, 10_000_000);
        v.Count(request.VotesFor, "votesFor", 0, 10_000_000);
        v.Count(request.VotesAgainst, "votesAgainst", 0, 10_000_000);
        var today = clock.Today();
        return DissolutionSteps.ApplyAsync(id, http, session, v, current => current.RecordMeeting(new MeetingVotes(request.CooperativeId, request.HeldOn, request.MembersPresent, request.MembersTotal, request.VotesFor, request.VotesAgainst), today, policy.Value));
    }
}

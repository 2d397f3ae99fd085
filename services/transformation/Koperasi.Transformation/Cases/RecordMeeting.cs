using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Time;
using Koperasi.Transformation.Cooperatives;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Koperasi.Transformation.Cases;

/// <summary>Record what a participant's members' meeting (rapat anggota) decided.</summary>
public static class RecordMeeting
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
        cases.MapPost("/{id:guid}/meetings", Handle)
            .WithName("RecordMembersMeeting")
            .WithSummary("Record a members' meeting decision")
            .WithDescription("Once per participant, held on or after the proposal and not after today. votesFor and votesAgainst are the valid votes. membersTotal may not be below the register's member count (422 members-total-below-register, naming both). A meeting below the quorum (Meetings:Quorum of members present, default 3/4) or the majority (Meetings:Majority of valid votes for, default 2/3) is recorded and rejects the case (rule quorum-not-met or majority-not-reached). Needs If-Match.")
            .AsCaseStep()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static Task<Results<Ok<CaseResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, IDocumentSession session, TimeProvider clock, IOptions<MeetingPolicy> policy,
        HttpContext http, CancellationToken cancellationToken)
    {
        var votes = new MeetingVotes(request.CooperativeId, request.HeldOn, request.MembersPresent, request.MembersTotal, request.VotesFor, request.VotesAgainst);
        return CaseSteps.ApplyAsync(id, http, session, Validate(request), async current =>
        {
            var registered = (await session.LoadAsync<KnownCooperative>(request.CooperativeId, cancellationToken))?.MemberCount?.Value;
            return current.RecordMeeting(votes, clock.Today(), policy.Value, registered);
        });
    }

    /// <summary>Numbers a meeting cannot have: fewer than none, more present than members, more votes than present.</summary>
    public static RequestValidation Validate(Request request)
    {
        var v = new RequestValidation();
        v.Id(request.CooperativeId, "cooperativeId");
        v.Date(request.HeldOn, "heldOn", FieldRules.EarliestCooperativeDate);
        v.Count(request.MembersTotal, "membersTotal", 1);
        v.Count(request.MembersPresent, "membersPresent", 0);
        v.Check(request.MembersPresent <= request.MembersTotal, "membersPresent", "More members present than members in total.");
        v.Count(request.VotesFor, "votesFor", 0);
        v.Count(request.VotesAgainst, "votesAgainst", 0);
        v.Check(request.VotesFor + request.VotesAgainst <= request.MembersPresent, "votesFor", "More votes for and against than members present.");
        return v;
    }
}

using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Time;
using Koperasi.Transformation.Cases;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Koperasi.Transformation.Dissolutions;

/// <summary>Call the members' meeting on a dissolution.</summary>
public static class CallDissolutionMeeting
{
    public sealed record Request
    {
        public required DateOnly SentOn { get; init; }
        public required DateOnly MeetingOn { get; init; }
    }

    public static void Map(RouteGroupBuilder cases) =>
        cases.MapPost("/{id:guid}/meeting-invitation", Handle)
            .WithName("CallDissolutionMeeting")
            .WithSummary("Call the members' meeting on a dissolution")
            .WithDescription("Members' path: the invitation (sentOn) goes out at least 14 days before the meeting (meetingOn). Needs If-Match.")
            .AsDissolutionStep();

    private static Task<Results<Ok<DissolutionCase>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, IDocumentSession session, HttpContext http, TimeProvider clock, IOptions<DissolutionOptions> options, IOptions<MeetingPolicy> policy)
    {
        var v = new RequestValidation();
        v.Date(request.SentOn, "sentOn", FieldRules.EarliestCooperativeDate);
        v.Date(request.MeetingOn, "meetingOn", FieldRules.EarliestCooperativeDate);
        var today = clock.Today();
        return DissolutionSteps.ApplyAsync(id, http, session, v, current => current.CallMeeting(new MeetingInvitation(request.SentOn, request.MeetingOn), today, options.Value));
    }
}

using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Time;
using Koperasi.Transformation.Cases;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Koperasi.Transformation.Dissolutions;

/// <summary>Record that a creditor was notified.</summary>
public static class NotifyCreditor
{
    public sealed record Request
    {
        public required Guid CreditorId { get; init; }
        public required DateOnly NotifiedOn { get; init; }
    }

    public static void Map(RouteGroupBuilder cases) =>
        cases.MapPost("/{id:guid}/creditor-notifications", Handle)
            .WithName("NotifyCreditor")
            .WithSummary("Record that a creditor was notified")
            .WithDescription("In liquidation: the dissolution binds a creditor once notified; claims close 3 months after the last notification. Needs If-Match.")
            .AsDissolutionStep();

    private static Task<Results<Ok<DissolutionCase>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, IDocumentSession session, HttpContext http, TimeProvider clock, IOptions<DissolutionOptions> options, IOptions<MeetingPolicy> policy)
    {
        var v = new RequestValidation();
        v.Id(request.CreditorId, "creditorId");
        v.Date(request.NotifiedOn, "notifiedOn", FieldRules.EarliestCooperativeDate);
        var today = clock.Today();
        return DissolutionSteps.ApplyAsync(id, http, session, v, current => current.NotifyCreditor(request.CreditorId, request.NotifiedOn, today));
    }
}

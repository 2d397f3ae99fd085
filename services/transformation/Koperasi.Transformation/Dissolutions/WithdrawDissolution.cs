using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Time;
using Koperasi.Transformation.Cases;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Koperasi.Transformation.Dissolutions;

/// <summary>Withdraw a dissolution case.</summary>
public static class WithdrawDissolution
{
    public sealed record Request
    {
        public required string Reason { get; init; }
        public DateOnly? WithdrawnOn { get; init; }
    }

    public static void Map(RouteGroupBuilder cases) =>
        cases.MapPost("/{id:guid}/withdrawal", Handle)
            .WithName("WithdrawDissolution")
            .WithSummary("Withdraw a dissolution case")
            .WithDescription("Until the decision, with a reason (e.g. the koperasi was revived); the koperasi is free again. Needs If-Match.")
            .AsDissolutionStep();

    private static Task<Results<Ok<DissolutionCase>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, IDocumentSession session, HttpContext http, TimeProvider clock, IOptions<DissolutionOptions> options, IOptions<MeetingPolicy> policy)
    {
        var v = new RequestValidation();
        v.FreeText(request.Reason, "reason", 1000);
        v.OptionalDate(request.WithdrawnOn, "withdrawnOn", FieldRules.EarliestCooperativeDate);
        var today = clock.Today();
        return DissolutionSteps.ApplyAsync(id, http, session, v, current => current.Withdraw(request.Reason.Trim(), request.WithdrawnOn ?? today, today));
    }
}

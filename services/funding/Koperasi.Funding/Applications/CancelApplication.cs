using Koperasi.Funding.Programmes;
using Koperasi.ServiceDefaults.Decisions;
using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Time;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Funding.Applications;

/// <summary>
/// Cancel an application before its disbursement, with a reason. A decreed grant goes back to the
/// programme's budget and quota in the same transaction, and the person may apply again.
/// </summary>
public static class CancelApplication
{
    public sealed record Request(string Reason);

    public static void Map(RouteGroupBuilder applications) =>
        applications.MapPost("/{id:guid}/cancellation", Handle)
            .AsStep("CancelApplication", FundingPolicies.Cancel, "Cancel the application",
                "Possible until the disbursement is requested, not after a not-eligible decision. A decreed grant is withdrawn from the programme's budget, its regency's quota and the reports.");

    private static async Task<Results<Ok<ApplicationResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, HttpContext http, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        var v = new RequestValidation();
        v.FreeText(request.Reason, "reason", 2000);
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var reason = request.Reason.Trim();
        return await ApplicationSteps.RunAsync(id, http, session, async application =>
        {
            var decision = application.Cancel(reason, clock.Today());
            if (decision.IsRejected)
            {
                return (decision, []);
            }

            if (application.HoldsGrant)
            {
                var programme = await session.Events.FetchForWriting<Programme>(application.ProgrammeId, cancellationToken);
                var withdrawal = programme.Aggregate!.WithdrawGrant(application, reason);
                if (withdrawal.Error is { } error)
                {
                    return (Decision.Reject(error), []);
                }

                programme.AppendMany(withdrawal.Events);
            }

            session.Delete<ApplicationClaim>(ApplicationClaim.KeyOf(application.ProgrammeId, application.ApplicantId));
            return (decision, (IReadOnlyList<EligibilityFailure>)[]);
        }, cancellationToken);
    }
}

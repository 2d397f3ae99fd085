using Koperasi.Funding.Applications;
using Koperasi.ServiceDefaults.Time;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Funding.Disbursements;

/// <summary>
/// An officer sends a failed disbursement to the bank again, under the same idempotency key: if
/// the bank did pay the earlier attempt after all, it answers that transfer and nothing is paid twice.
/// </summary>
public static class RetryDisbursement
{
    public static void Map(RouteGroupBuilder applications) =>
        applications.MapPost("/{id:guid}/disbursement/retry", Handle)
            .AsStep("RetryDisbursement", FundingPolicies.Disburse, "Retry a failed disbursement",
                "For an application in disbursement-failed: the transfer is sent again under the same idempotency key.");

    private static async Task<Results<Ok<ApplicationResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, HttpContext http, IDocumentSession session, DisbursementSignal signal, TimeProvider clock, CancellationToken cancellationToken)
    {
        var result = await ApplicationSteps.RunAsync(id, http, session,
            application => ApplicationSteps.Plain(application.RetryDisbursement(clock.Today())), cancellationToken);
        if (result.Result is Ok<ApplicationResponse>)
        {
            signal.Nudge();
        }

        return result;
    }
}

using System.Text.RegularExpressions;
using Koperasi.Funding.Applicants;
using Koperasi.Funding.Applications;
using Koperasi.ServiceDefaults.Decisions;
using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.PersonalData;
using Koperasi.ServiceDefaults.Time;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Koperasi.Funding.Disbursements;

/// <summary>
/// Order the payment of a decreed grant into the recipient's bank account. The account goes into
/// the personal-data vault with the rest of the applicant's record (never into an event); the
/// application records the disbursement under a new id, the idempotency key of every transfer
/// attempt, and the processor sends it to the bank.
/// </summary>
public static partial class OrderDisbursement
{
    public sealed record Request(string BankCode, string AccountNumber, string AccountHolder);

    public static void Map(RouteGroupBuilder applications) =>
        applications.MapPost("/{id:guid}/disbursement", Handle)
            .AsStep("OrderDisbursement", FundingPolicies.Disburse, "Order the disbursement of the grant",
                "For a decreed grant: bankCode (3 digits, the bank's clearing code), accountNumber (6 to 20 digits) and accountHolder. The account is kept in the personal-data vault; the transfer follows in the background (status disbursement-requested, then disbursed or disbursement-failed). 422 applicant-erased when there is no one to pay.");

    private static async Task<Results<Ok<ApplicationResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, HttpContext http, IDocumentSession session, [FromServices] IPersonalDataVault vault, DisbursementSignal signal,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var v = new RequestValidation();
        v.Check(request.BankCode is not null && BankCode().IsMatch(request.BankCode.Trim()), "bankCode", "The bank's 3-digit clearing code, e.g. 002.");
        v.Check(request.AccountNumber is not null && AccountNumber().IsMatch(request.AccountNumber.Trim()), "accountNumber", "6 to 20 digits.");
        v.Name(request.AccountHolder, "accountHolder", 100);
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var account = new BankAccount(request.BankCode!.Trim(), request.AccountNumber!.Trim(), FieldRules.Tidy(request.AccountHolder));
        var result = await ApplicationSteps.RunAsync(id, http, session, async application =>
        {
            var decision = application.RequestDisbursement(Guid.CreateVersion7(), clock.Today());
            if (decision.IsRejected)
            {
                return (decision, []);
            }

            if (await vault.RevealAsync<ApplicantRecord>(application.ApplicantId, $"Adding the bank account for the disbursement of application {application.Id}", cancellationToken) is not { } record)
            {
                return (DomainError.Unprocessable(Erased.Rule, $"The personal data of applicant {application.ApplicantId} was erased: there is no one to pay.", "id"), []);
            }

            vault.Store(session, application.ApplicantId, record with { BankAccount = account }, nik: null);
            return (decision, (IReadOnlyList<EligibilityFailure>)[]);
        }, cancellationToken);

        if (result.Result is Ok<ApplicationResponse>)
        {
            signal.Nudge();
        }

        return result;
    }

    [GeneratedRegex(@"^\d{3}$")]
    private static partial Regex BankCode();

    [GeneratedRegex(@"^\d{6,20}$")]
    private static partial Regex AccountNumber();
}

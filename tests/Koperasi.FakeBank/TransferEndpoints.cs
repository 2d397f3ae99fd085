using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.FakeBank;

/// <summary>
/// <c>POST /transfers</c> pays once per <c>Idempotency-Key</c>: the same key answers the transfer
/// it made (200), with a different payment 422; <c>GET /transfers</c> is the ledger.
/// </summary>
public static class TransferEndpoints
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static void MapTransfers(this WebApplication app)
    {
        app.MapPost("/transfers", PayAsync);
        app.MapGet("/transfers", (Ledger ledger) => TypedResults.Ok(ledger.Transfers));
        app.MapGet("/transfers/{idempotencyKey}", Results<Ok<Transfer>, NotFound> (string idempotencyKey, Ledger ledger) =>
            ledger.Find(idempotencyKey) is { } transfer ? TypedResults.Ok(transfer) : TypedResults.NotFound());
    }

    private static async Task<IResult> PayAsync(HttpContext http, TransferRequest request, Ledger ledger, Behaviour behaviour, TimeProvider clock)
    {
        var plan = behaviour.NextCall();
        if (plan.Delay > TimeSpan.Zero)
        {
            // A slow bank: a client that gives up meanwhile has paid nothing.
            await Task.Delay(plan.Delay, http.RequestAborted);
        }

        if (plan.FailWith is { } status)
        {
            return TypedResults.Problem(title: "Bank unavailable", detail: "The bank could not process the transfer; try again.", statusCode: status);
        }

        var key = http.Request.Headers[IdempotencyKeyHeader].ToString();
        if (Invalid(key, request) is { } invalid)
        {
            return TypedResults.ValidationProblem(invalid);
        }

        var (transfer, created) = ledger.Pay(key, request, request.Beneficiary!, clock.GetUtcNow());
        if (!created && !transfer.IsSamePaymentAs(request))
        {
            return TypedResults.Problem(
                title: "Idempotency key reused",
                detail: $"Key {key} paid another transfer ({transfer.Reference}).",
                statusCode: StatusCodes.Status422UnprocessableEntity,
                type: "urn:fake-bank:problem:idempotency-key-reused");
        }

        if (plan.AnswerAfter > TimeSpan.Zero)
        {
            // Paid, but the answer comes after the client stopped waiting, as a real bank's may.
            await Task.Delay(plan.AnswerAfter, CancellationToken.None);
        }

        return created ? TypedResults.Created($"/transfers/{Uri.EscapeDataString(key)}", transfer) : TypedResults.Ok(transfer);
    }

    private static Dictionary<string, string[]>? Invalid(string key, TransferRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(key) || key.Length > 100)
        {
            errors[IdempotencyKeyHeader] = ["Required: at most 100 characters, one per payment."];
        }

        if (request.Amount <= 0)
        {
            errors["amount"] = ["More than zero."];
        }

        if (request.Currency is not (null or Ledger.Rupiah))
        {
            errors["currency"] = ["Only IDR."];
        }

        if (request.Beneficiary is not { BankCode.Length: > 0, AccountNumber.Length: > 0, AccountHolder.Length: > 0 })
        {
            errors["beneficiary"] = ["Bank code, account number and account holder are required."];
        }

        return errors.Count == 0 ? null : errors;
    }
}

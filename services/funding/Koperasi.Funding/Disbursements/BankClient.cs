using System.Net;
using System.Text.Json;
using Koperasi.Funding.Applicants;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Koperasi.Funding.Disbursements;

/// <summary>
/// The adapter to the bank's transfer API: <c>POST /transfers</c> with the disbursement id as
/// <c>Idempotency-Key</c>, through the resilience pipeline registered with this client
/// (<see cref="DisbursementFeature"/>). A bank that gets the same key again answers the transfer it
/// already made, so a retry after a lost answer pays nothing twice.
/// </summary>
public sealed class BankClient(HttpClient http)
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public sealed record TransferRequest(decimal Amount, string Currency, Beneficiary Beneficiary, string Remark);

    public sealed record Beneficiary(string BankCode, string AccountNumber, string AccountHolder);

    private sealed record TransferAnswer(string? Reference);

    private sealed record BankProblem(string? Title);

    public async Task<BankOutcome> TransferAsync(Guid idempotencyKey, decimal amount, BankAccount account, string remark, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "transfers")
        {
            Content = JsonContent.Create(new TransferRequest(amount, "IDR", new Beneficiary(account.BankCode, account.AccountNumber, account.AccountHolder), remark)),
        };
        request.Headers.Add(IdempotencyKeyHeader, idempotencyKey.ToString());
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                var answer = await response.Content.ReadFromJsonAsync<TransferAnswer>(cancellationToken);
                return answer?.Reference is { Length: > 0 } reference
                    ? new BankOutcome.Paid(reference)
                    : new BankOutcome.Failed($"The bank answered HTTP {(int)response.StatusCode} without a transfer reference.");
            }

            return new BankOutcome.Failed(await RefusalAsync(response, account, cancellationToken));
        }
        catch (BrokenCircuitException)
        {
            return new BankOutcome.Unavailable();
        }
        catch (TimeoutRejectedException)
        {
            return new BankOutcome.Failed("The bank did not answer in time, after every retry.");
        }
        catch (HttpRequestException exception)
        {
            return new BankOutcome.Failed($"The bank could not be reached, after every retry ({exception.HttpRequestError}).");
        }
    }

    /// <summary>
    /// Why the bank did not pay, as the application's history keeps it: the status and the
    /// problem's title only, never the account (a bank's detail may repeat it).
    /// </summary>
    private static async Task<string> RefusalAsync(HttpResponseMessage response, BankAccount account, CancellationToken cancellationToken)
    {
        string? title = null;
        try
        {
            title = (await response.Content.ReadFromJsonAsync<BankProblem>(cancellationToken))?.Title;
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException)
        {
            // Not a problem document: the status says enough.
        }

        var transient = response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500;
        var what = transient ? "The bank kept failing, after every retry" : "The bank refused the transfer";
        var said = title is { Length: > 0 } ? $": {Shorten(title.Replace(account.AccountNumber, "***", StringComparison.Ordinal))}" : "";
        return $"{what} (HTTP {(int)response.StatusCode}){said}.";
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200];
}

/// <summary>What became of a transfer the bank was asked for.</summary>
public abstract record BankOutcome
{
    /// <summary>Paid (now, or earlier under the same key).</summary>
    public sealed record Paid(string TransferReference) : BankOutcome;

    /// <summary>Not paid, after the pipeline gave up: the officer sees why and may retry.</summary>
    public sealed record Failed(string Reason) : BankOutcome;

    /// <summary>Not asked: the circuit is open. The disbursement waits for the next round.</summary>
    public sealed record Unavailable : BankOutcome;
}

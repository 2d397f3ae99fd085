namespace Koperasi.FakeBank;

/// <summary>A transfer as a client asks for it.</summary>
public sealed record TransferRequest(decimal Amount, string? Currency, Beneficiary? Beneficiary, string? Remark);

/// <summary>The account the money goes to.</summary>
public sealed record Beneficiary(string BankCode, string AccountNumber, string AccountHolder);

/// <summary>A completed transfer in the ledger, and the bank's answer about it.</summary>
public sealed record Transfer(
    string Reference,
    string IdempotencyKey,
    decimal Amount,
    string Currency,
    Beneficiary Beneficiary,
    string? Remark,
    DateTimeOffset CompletedAt)
{
    /// <summary>Whether a request sent again under this transfer's key asks for the same payment.</summary>
    public bool IsSamePaymentAs(TransferRequest request) =>
        Amount == request.Amount && Currency == (request.Currency ?? Ledger.Rupiah) && Beneficiary == request.Beneficiary && Remark == request.Remark;
}

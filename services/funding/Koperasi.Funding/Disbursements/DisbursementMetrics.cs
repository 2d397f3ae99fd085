using System.Diagnostics.Metrics;

namespace Koperasi.Funding.Disbursements;

/// <summary>Transfers paid, failed for good, and deferred while the bank's circuit was open.</summary>
public sealed class DisbursementMetrics
{
    public const string MeterName = "Koperasi.Funding.Disbursements";

    private readonly Counter<long> _outcomes;

    public DisbursementMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _outcomes = meter.CreateCounter<long>("koperasi.disbursement.outcomes", description: "Disbursements the processor handled, by outcome: paid, failed, deferred.");
    }

    public void Count(BankOutcome outcome) => _outcomes.Add(1, new KeyValuePair<string, object?>("outcome", outcome switch
    {
        BankOutcome.Paid => "paid",
        BankOutcome.Failed => "failed",
        _ => "deferred",
    }));
}

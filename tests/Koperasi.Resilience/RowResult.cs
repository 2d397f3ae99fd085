namespace Koperasi.Resilience;

/// <summary>
/// What one fault did to the facts. Lost: a registration acknowledged to its caller, or committed in
/// the Registry's event log, whose fact never reached the subscriber (or, in row 5, the consumer).
/// Duplicated effects: a koperasi whose registration reached the subscriber under more than one
/// message id (a subscriber deduplicating by message id would apply it twice), or that the consumer
/// applied more than once. Redelivered: the same message id delivered again (at least once, as
/// documented: not an effect). Recovery: what it measures is said per row.
/// </summary>
public sealed record RowResult(
    int Number,
    string Fault,
    int Acknowledged,
    IReadOnlyDictionary<string, int> Refused,
    int Committed,
    int Delivered,
    int Lost,
    int Duplicated,
    int Redelivered,
    int DeliveredUnacknowledged,
    TimeSpan? Recovery,
    string RecoveryMeaning,
    TimeSpan Duration,
    IReadOnlyList<string> Notes)
{
    public int RefusedTotal => Refused.Values.Sum();

    public bool Clean => Lost == 0 && Duplicated == 0;
}

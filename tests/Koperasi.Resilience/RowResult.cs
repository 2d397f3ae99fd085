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
    IReadOnlyList<string> Notes,
    string? Error = null)
{
    /// <summary>A row that could not be run to its end (the error says why): nothing it counted is a result.</summary>
    public static RowResult Failed(int number, string fault, TimeSpan duration, string error) =>
        new(number, fault, 0, new Dictionary<string, int>(), 0, 0, 0, 0, 0, 0, null, "", duration, [], error);

    public int RefusedTotal => Refused.Values.Sum();

    public bool Clean => Error is null && Lost == 0 && Duplicated == 0;
}

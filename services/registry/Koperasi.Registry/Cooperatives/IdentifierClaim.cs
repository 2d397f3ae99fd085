using System.Text.RegularExpressions;
using Koperasi.ServiceDefaults.Decisions;
using Marten;

namespace Koperasi.Registry.Cooperatives;

/// <summary>
/// One NIB, and one NIK koperasi, belongs to one koperasi. Like <see cref="DecreeNumberClaim"/>, the
/// claim is inserted in the same transaction as the events that give the number, so two koperasi
/// given the same number at once cannot both commit.
/// </summary>
/// <param name="Id">The kind and the normalized number: "nib:9120001234567", "nik-koperasi:3271-AB-0012".</param>
/// <param name="CooperativeId">The koperasi that holds it.</param>
public sealed partial record IdentifierClaim(string Id, Guid CooperativeId)
{
    private const string NibKind = "nib";
    private const string NikKoperasiKind = "nik-koperasi";

    public static string KeyOfNib(string nib) => $"{NibKind}:{Normalize(nib)}";

    public static string KeyOfNikKoperasi(string number) => $"{NikKoperasiKind}:{Normalize(number)}";

    /// <summary>The numbers the events give the koperasi, by claim key.</summary>
    public static IReadOnlyList<string> KeysGivenBy(IEnumerable<object> events) =>
    [
        .. events.SelectMany(e => e switch
        {
            RegistrationRecorded { Nib: { } nib } => [KeyOfNib(nib)],
            DetailsChanged changed => new[] { changed.Nib is { } nib ? KeyOfNib(nib) : null, changed.NikKoperasi is { } nik ? KeyOfNikKoperasi(nik.Number) : null }.OfType<string>(),
            Supervision.NikKoperasiRenewed renewed => [KeyOfNikKoperasi(renewed.Number)],
            _ => [],
        }).Distinct(StringComparer.Ordinal),
    ];

    /// <summary>409 when another koperasi holds a number the events give this one.</summary>
    public static async Task<DomainError?> CheckAsync(IQuerySession session, Guid cooperativeId, IReadOnlyList<object> events, CancellationToken cancellationToken)
    {
        var keys = KeysGivenBy(events);
        if (keys.Count == 0)
        {
            return null;
        }

        var held = await session.LoadManyAsync<IdentifierClaim>(cancellationToken, keys);
        return held.FirstOrDefault(c => c.CooperativeId != cooperativeId) is { } taken ? Conflict(taken.Id, taken.CooperativeId) : null;
    }

    /// <summary>
    /// Adds to the session the claims of the numbers the events give the koperasi, and gives up those they
    /// replace (the numbers it held <paramref name="before"/>). The caller commits.
    /// </summary>
    public static void UpdateInSession(IDocumentSession session, Guid cooperativeId, IReadOnlyList<object> events, Cooperative? before = null)
    {
        var keys = KeysGivenBy(events);
        var previous = new[]
        {
            before?.Nib is { } nib ? KeyOfNib(nib) : null,
            before?.NikKoperasi is { } nik ? KeyOfNikKoperasi(nik.Number) : null,
        }.OfType<string>().ToList();
        foreach (var key in keys.Where(k => !previous.Contains(k)))
        {
            var replaced = previous.FirstOrDefault(p => p.StartsWith(KindOf(key) + ":", StringComparison.Ordinal));
            if (replaced is not null)
            {
                session.Delete<IdentifierClaim>(replaced);
            }

            session.Insert(new IdentifierClaim(key, cooperativeId));
        }
    }

    /// <summary>The answer when a number is held by another koperasi (known), or was claimed at the same moment (unknown).</summary>
    public static DomainError Conflict(object key, Guid? holder = null)
    {
        var text = key.ToString() ?? "";
        var number = text[(text.IndexOf(':', StringComparison.Ordinal) + 1)..];
        var by = holder is { } id ? $"koperasi {id}" : "another koperasi";
        return KindOf(text) == NibKind
            ? DomainError.Conflict("nib-already-registered", $"NIB {number} is already registered to {by}; one NIB belongs to one koperasi.", "nib")
            : DomainError.Conflict("nik-koperasi-already-registered", $"NIK koperasi {number} is already registered to {by}; one NIK koperasi belongs to one koperasi.", "nikKoperasi.number");
    }

    private static string KindOf(string key) => key[..key.IndexOf(':', StringComparison.Ordinal)];

    private static string Normalize(string number) => Whitespace().Replace(number, "").ToUpperInvariant();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

using System.Text.RegularExpressions;

namespace Koperasi.Registry.Cooperatives;

/// <summary>
/// One legal-entity decree number belongs to one koperasi. Inserted in the same transaction as
/// the koperasi's first events; a second registration of the number fails on this document's key.
/// </summary>
/// <param name="Id">The normalized decree number.</param>
/// <param name="CooperativeId">The koperasi registered with it.</param>
public sealed partial record DecreeNumberClaim(string Id, Guid CooperativeId)
{
    /// <summary>Upper case, single spaces, no spaces around separators: "518.08/96/BH/XIV.10/VIII/2008".</summary>
    public static string Normalize(string decreeNumber) =>
        SpacesAroundSeparators().Replace(Whitespace().Replace(decreeNumber.Trim(), " "), "$1").ToUpperInvariant();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\s*([/.\-])\s*")]
    private static partial Regex SpacesAroundSeparators();
}

namespace Koperasi.ServiceDefaults.Identity;

/// <summary>
/// The user a development token names when it is minted without a name: one per role and set of
/// regencies, so the pembina of Merangin ("dev-pembina-1502") and the pembina of Kerinci
/// ("dev-pembina-1501") are two users, each with its own "my koperasi". The demo data assigns its
/// koperasi to these users, so a newcomer's token sees them.
/// </summary>
public static class DevelopmentUsers
{
    /// <summary>"dev-{role}", followed by the regencies' BPS codes in code order when there are any.</summary>
    public static string Of(string role, IEnumerable<string> regencies)
    {
        var codes = regencies.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return codes.Count == 0 ? $"dev-{role}" : $"dev-{role}-{string.Join('-', codes)}";
    }
}

using Koperasi.ServiceDefaults.Messaging;

namespace Koperasi.Registry;

/// <summary>What the Registry's API reference says about the service and its tags.</summary>
internal static class RegistryApi
{
    public const string Introduction =
        "The register of the koperasi of Jambi province: registration with the legal-entity decree, "
        + "notifiable changes, RAT reports and the activity (aktif / tidak aktif) they decide, the "
        + "articles of association and every transformation applied to them, and statistics by regency, "
        + "type and form. Each koperasi is an event stream: its ETag is the version a change sends "
        + "back in If-Match. Errors are RFC 9457 problem details naming the field or the rule.";

    public static IReadOnlyDictionary<string, string> Tags { get; } = new Dictionary<string, string>
    {
        ["Koperasi"] = "Register, read and change a koperasi; its RAT reports, history and articles of association.",
        ["Activity"] = "Activity: a koperasi that held no RAT for the policy's number of consecutive financial years (three) becomes tidak aktif.",
        ["Statistics"] = "Counts of the register and of the transformations, grouped as asked.",
        ["Published figures"] = "Statistics tables the Dinas published, frozen with their query, asOf and knownOn, read back exactly and compared with today's view.",
        ["Reports"] = "Reports the province publishes: RAT compliance of a financial year per regency, and koperasi dissolved per year and regency.",
        ["Regions"] = "The regencies (kabupaten/kota) of Jambi province, by code.",
        ["Supervision"] = "Supervision: pembina of each koperasi, supervision records and follow-ups, the early warning, flagship koperasi, NIK koperasi renewals and Kopdes/Kel Merah Putih.",
        [SubscriberReplays.Tag] = SubscriberReplays.TagDescription,
        ["Import"] = "Bulk registration from a CSV file, as a background job with a report per row.",
    };
}

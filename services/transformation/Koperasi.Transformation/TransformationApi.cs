using Koperasi.ServiceDefaults.Messaging;

namespace Koperasi.Transformation;

/// <summary>What the Transformation service's API reference says about the service and its tags.</summary>
internal static class TransformationApi
{
    public const string Introduction =
        "Cases that change the legal shape of koperasi: merger (penggabungan), amalgamation "
        + "(peleburan) and change of the articles of association (perubahan anggaran dasar). A case "
        + "runs from the proposal through each participant's members' meeting, the notarial deed and "
        + "the ministry's ratification to approval; the Registry then applies it to the register. "
        + "Dissolution (pembubaran) cases run by the members' meeting or by the government, with their "
        + "batches to the ministry and the liquidation. "
        + "Every step after the proposal sends the case's ETag back in If-Match. Errors are RFC 9457 "
        + "problem details naming the field or the rule.";

    public static IReadOnlyDictionary<string, string> Tags { get; } = new Dictionary<string, string>
    {
        ["Transformation cases"] = "Propose a case and record its steps: meetings, deed, ratification, withdrawal.",
        ["Participating koperasi"] = "The koperasi this service knows from the Registry's events, and whether one may take part in a case.",
        ["Statistics"] = "Cases by year, kind and outcome.",
        [SubscriberReplays.Tag] = SubscriberReplays.TagDescription,
        ["Dissolution"] = "Dissolution cases (by the members' meeting or by the government), their deadlines, the batches sent to the ministry, its answers and their reconciliation, and the liquidation.",
    };
}

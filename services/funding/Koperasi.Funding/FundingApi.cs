using Koperasi.ServiceDefaults.Messaging;

namespace Koperasi.Funding;

/// <summary>What Funding's API reference says about the service and its tags.</summary>
internal static class FundingApi
{
    public const string Introduction =
        "Dumisake working-capital grants to micro businesses: the year's programme and its budget, "
        + "applications from submission through document check, field verification and eligibility, "
        + "decree batches, disbursement through the bank, monitoring visits and reports against the "
        + "RPJMD targets. An applicant's NIK, phone and bank account are kept in a vault and shown "
        + "only on a recorded request. Each change sends the ETag read back in If-Match. Errors are "
        + "RFC 9457 problem details naming the field or the rule.";

    public static IReadOnlyDictionary<string, string> Tags { get; } = new Dictionary<string, string>
    {
        ["Programmes"] = "The year's Dumisake programme: budget, grant amount, eligibility rules and decree batches.",
        ["Applications"] = "Grant applications and each step of their review, from submission to closing.",
        ["Disbursements"] = "Paying a decreed grant into the recipient's account through the bank, and retrying a failed payment.",
        ["Personal data"] = "An applicant's personal data: revealed for a stated purpose, its access log, and erasure.",
        [SubscriberReplays.Tag] = SubscriberReplays.TagDescription,
        ["Reports"] = "Recipients and amounts, progress against the targets, monitoring coverage.",
    };
}

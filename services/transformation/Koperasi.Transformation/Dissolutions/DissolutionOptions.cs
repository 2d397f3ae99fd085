using Koperasi.Transformation.Cases;

namespace Koperasi.Transformation.Dissolutions;

/// <summary>
/// Every period and threshold of a dissolution (pembubaran), configuration section <c>Dissolution</c>,
/// with DOMAIN.md's defaults. The members' meeting is judged by the shared <see cref="MeetingPolicy"/>
/// (section <c>Meetings</c>: quorum 3/4, decision 2/3), as every other members' meeting is.
/// </summary>
public sealed record DissolutionOptions
{
    public const string Section = "Dissolution";

    /// <summary>Share of the register's members that may propose a dissolution (besides the supervisory board).</summary>
    public Fraction ProposerShare { get; init; } = new(1, 5);

    /// <summary>Days the invitation to the members' meeting goes out ahead of it, at least.</summary>
    public int InvitationLeadDays { get; init; } = 14;

    /// <summary>Consecutive financial years without a RAT that ground a government dissolution.</summary>
    public int NoRatYears { get; init; } = 3;

    /// <summary>Years without business that ground a government dissolution.</summary>
    public int NoBusinessYears { get; init; } = 2;

    /// <summary>Months the public announcement runs before the proposal may go to the ministry.</summary>
    public int AnnouncementMonths { get; init; } = 3;

    /// <summary>Months after the ministry's notice within which the koperasi may object.</summary>
    public int ObjectionMonths { get; init; } = 2;

    /// <summary>Months after an objection within which it is decided.</summary>
    public int ObjectionDecisionMonths { get; init; } = 1;

    /// <summary>Months after the ministry's notice within which the dissolution is decided.</summary>
    public int DecisionMonths { get; init; } = 4;

    /// <summary>Months a notified creditor has to claim, from its notification.</summary>
    public int ClaimMonths { get; init; } = 3;

    /// <summary>Days from the clock's date that count as "due this week".</summary>
    public int DueSoonDays { get; init; } = 7;

    /// <summary>Rejects settings no case could be judged by.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        if (ProposerShare.Numerator <= 0 || ProposerShare.Numerator > ProposerShare.Denominator)
        {
            problems.Add($"ProposerShare is a fraction above 0 and at most 1, such as 1/5; it is {ProposerShare}");
        }

        foreach (var (name, value) in new[]
        {
            (nameof(InvitationLeadDays), InvitationLeadDays), (nameof(NoRatYears), NoRatYears), (nameof(NoBusinessYears), NoBusinessYears),
            (nameof(AnnouncementMonths), AnnouncementMonths), (nameof(ObjectionMonths), ObjectionMonths),
            (nameof(ObjectionDecisionMonths), ObjectionDecisionMonths), (nameof(DecisionMonths), DecisionMonths),
            (nameof(ClaimMonths), ClaimMonths), (nameof(DueSoonDays), DueSoonDays),
        })
        {
            if (value is < 1 or > 120)
            {
                problems.Add($"{name} is 1 to 120; it is {value}");
            }
        }

        if (DecisionMonths < ObjectionMonths)
        {
            problems.Add("DecisionMonths is at least ObjectionMonths: the decision cannot be due before the objection period ends");
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"{Section}: {string.Join("; ", problems)}.");
        }
    }
}

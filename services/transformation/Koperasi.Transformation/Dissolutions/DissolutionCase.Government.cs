using Koperasi.ServiceDefaults.Decisions;

namespace Koperasi.Transformation.Dissolutions;

// The government's path up to the ministry: field verification with the village's letter, the public
// announcement, then the proposal in a batch (DissolutionBatch).
public sealed partial record DissolutionCase
{
    public Decision VerifyInField(VillageLetter letter, DateOnly verifiedOn, DateOnly today)
    {
        if (Expect(DissolutionPath.Government, DissolutionStage.Proposed) is { } wrong)
        {
            return wrong;
        }

        if (string.IsNullOrWhiteSpace(letter.Number) || string.IsNullOrWhiteSpace(letter.Desa))
        {
            return DomainError.Unprocessable(
                "village-letter-incomplete", "The village letter gives its number, its date and the desa or kelurahan.", string.IsNullOrWhiteSpace(letter.Number) ? "letter.number" : "letter.desa");
        }

        if (verifiedOn < ProposedOn || verifiedOn > today)
        {
            return DomainError.Unprocessable("verification-date-out-of-range", $"The field verification is dated between the proposal ({ProposedOn:yyyy-MM-dd}) and today.", "verifiedOn");
        }

        return letter.Date > verifiedOn
            ? DomainError.Unprocessable("village-letter-after-verification", "The village letter backs the verification: it is dated on or before it.", "letter.date")
            : Decision.Accept(new DissolutionFieldVerified(Id, CooperativeId, verifiedOn, letter));
    }

    public Decision Announce(DateOnly announcedOn, DateOnly today)
    {
        if (Expect(DissolutionPath.Government, DissolutionStage.Verified) is { } wrong)
        {
            return wrong;
        }

        return announcedOn < VerifiedOn!.Value || announcedOn > today
            ? DomainError.Unprocessable("announcement-date-out-of-range", $"The announcement starts between the field verification ({VerifiedOn:yyyy-MM-dd}) and today.", "announcedOn")
            : Decision.Accept(new DissolutionAnnounced(Id, CooperativeId, announcedOn));
    }

    /// <summary>The day the public announcement has run its course and the proposal may go to the ministry.</summary>
    public DateOnly? AnnouncementEndsOn(DissolutionOptions options) => AnnouncedOn?.AddMonths(options.AnnouncementMonths);

    /// <summary>
    /// Whether the proposal may go in a batch to the ministry on <paramref name="on"/>: verified,
    /// announced for the full period, not revived. A case the ministry sent back (documents needed,
    /// re-verified) is ready again the same way.
    /// </summary>
    public DomainError? ReadyForMinistry(DateOnly on, DissolutionOptions options)
    {
        if (Expect(DissolutionPath.Government, DissolutionStage.Announced) is { } wrong)
        {
            return wrong;
        }

        if (IsRevived)
        {
            return DomainError.Conflict("cooperative-revived", $"{Cooperative.Name} became aktif again on {RevivedOn:yyyy-MM-dd}; withdraw the case instead of proposing it.");
        }

        return AnnouncementEndsOn(options) is { } ends && on < ends
            ? DomainError.Unprocessable(
                "announcement-not-over",
                $"The announcement of {AnnouncedOn:yyyy-MM-dd} runs {options.AnnouncementMonths} months, until {ends:yyyy-MM-dd}; the proposal goes to the ministry after.")
            : null;
    }

    /// <summary>The batch holding this case was sent to the ministry.</summary>
    public Decision SentToMinistry(Guid batchId, DateOnly sentOn, DissolutionOptions options)
    {
        if (Stage == DissolutionStage.ProposedToMinistry && BatchId == batchId)
        {
            return Decision.Accept();
        }

        return ReadyForMinistry(sentOn, options) is { } notReady
            ? notReady
            : Decision.Accept(new DissolutionSentToMinistry(Id, CooperativeId, batchId, sentOn));
    }
}

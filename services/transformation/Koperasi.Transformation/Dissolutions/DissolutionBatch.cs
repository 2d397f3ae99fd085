using Koperasi.ServiceDefaults.Decisions;
using Marten;

namespace Koperasi.Transformation.Dissolutions;

/// <summary>A government-path proposal in a batch, as it stood when it was added.</summary>
public sealed record BatchProposal(Guid CaseId, Guid CooperativeId, string Name, string RegencyCode, long CaseVersion, DateOnly AddedOn);

/// <summary>An answer the batch could not take as it came: for a koperasi not in it, or a second one for a koperasi.</summary>
public sealed record AnswerMismatch(Guid CooperativeId, string Kind, MinistryAnswer Answer);

public sealed record DissolutionBatchOpened(Guid BatchId, DateOnly OpenedOn, string Title);

public sealed record DissolutionProposalBatched(Guid BatchId, BatchProposal Proposal);

public sealed record DissolutionProposalUnbatched(Guid BatchId, Guid CooperativeId);

/// <summary>The batch went to the ministry, once, under <see cref="IdempotencyKey"/>.</summary>
public sealed record DissolutionBatchSent(Guid BatchId, DateOnly SentOn, string IdempotencyKey, IReadOnlyList<BatchProposal> Proposals);

public sealed record MinistryAnswerReceived(Guid BatchId, Guid CaseId, DateOnly ReceivedOn, MinistryAnswer Answer);

public sealed record MinistryAnswerMismatched(Guid BatchId, DateOnly ReceivedOn, AnswerMismatch Mismatch);

/// <summary>
/// A batch of verified government-path proposals for the ministry (one stream per batch). It gathers
/// proposals while open, goes to the ministry once with one idempotency key, then takes the ministry's
/// answer per koperasi; answers it cannot take are kept as mismatches for the reconciliation.
/// </summary>
public sealed record DissolutionBatch
{
    public const string NotInBatch = "not-in-batch";
    public const string SecondAnswer = "second-answer";

    public Guid Id { get; init; }

    public long Version { get; set; }

    public required string Title { get; init; }
    public required DateOnly OpenedOn { get; init; }
    public IReadOnlyList<BatchProposal> Proposals { get; init; } = [];
    public DateOnly? SentOn { get; init; }

    /// <summary>When the latest answer of the ministry came (taken or mismatched); null before any.</summary>
    public DateOnly? AnsweredOn { get; init; }

    /// <summary>Fixed by the batch's id, so every attempt to send it, in any process, carries the same key.</summary>
    public string IdempotencyKey => KeyOf(Id);

    public IReadOnlyDictionary<Guid, MinistryAnswer> Answers { get; init; } = new Dictionary<Guid, MinistryAnswer>();
    public IReadOnlyList<AnswerMismatch> Mismatches { get; init; } = [];

    public bool IsSent => SentOn is not null;

    /// <summary>Where the batch stands (a method, so that the stored document and the API's answer stay as they are).</summary>
    public DissolutionBatchStatus Status() =>
        AnsweredOn is not null ? DissolutionBatchStatus.Answered
        : IsSent ? DissolutionBatchStatus.Sent
        : DissolutionBatchStatus.Open;

    public static string KeyOf(Guid batchId) => $"dissolution-batch-{batchId:N}";

    public static DissolutionBatch? Fold(DissolutionBatch? state, object @event) => (state, @event) switch
    {
        (null, DissolutionBatchOpened o) => new DissolutionBatch { Id = o.BatchId, Title = o.Title, OpenedOn = o.OpenedOn },
        (null, _) => null,
        ({ } b, DissolutionProposalBatched p) => b with { Proposals = [.. b.Proposals, p.Proposal] },
        ({ } b, DissolutionProposalUnbatched u) => b with { Proposals = [.. b.Proposals.Where(p => p.CooperativeId != u.CooperativeId)] },
        ({ } b, DissolutionBatchSent s) => b with { SentOn = s.SentOn },
        ({ } b, MinistryAnswerReceived a) => b with
        {
            Answers = new Dictionary<Guid, MinistryAnswer>(b.Answers) { [a.Answer.CooperativeId] = a.Answer }, AnsweredOn = Latest(b.AnsweredOn, a.ReceivedOn),
        },
        ({ } b, MinistryAnswerMismatched m) => b with { Mismatches = [.. b.Mismatches, m.Mismatch], AnsweredOn = Latest(b.AnsweredOn, m.ReceivedOn) },
        ({ } b, _) => b,
    };

    private static DateOnly Latest(DateOnly? known, DateOnly on) => known is { } k && k > on ? k : on;

    public static Decision Open(Guid batchId, string title, DateOnly openedOn, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return DomainError.Unprocessable("batch-title-required", "A batch has a title the ministry's letters can refer to.", "title");
        }

        return openedOn > today
            ? DomainError.Unprocessable("batch-date-in-future", "The batch's date is after today.", "openedOn")
            : Decision.Accept(new DissolutionBatchOpened(batchId, openedOn, title.Trim()));
    }

    /// <summary>Adds a case that is ready for the ministry on <paramref name="on"/>; a koperasi goes in a batch once.</summary>
    public Decision Add(DissolutionCase proposal, DateOnly on, DissolutionOptions options)
    {
        if (IsSent)
        {
            return DomainError.Conflict("batch-already-sent", $"The batch was sent on {SentOn:yyyy-MM-dd}; a later batch takes new proposals.");
        }

        if (Proposals.Any(p => p.CooperativeId == proposal.CooperativeId))
        {
            return DomainError.Conflict("cooperative-already-in-batch", $"{proposal.Cooperative.Name} is already in this batch.", "caseId");
        }

        return proposal.ReadyForMinistry(on, options) is { } notReady
            ? notReady with { Field = notReady.Field ?? "caseId" }
            : Decision.Accept(new DissolutionProposalBatched(Id, new BatchProposal(
                proposal.Id, proposal.CooperativeId, proposal.Cooperative.Name, proposal.RegencyCode, proposal.Version, on)));
    }

    public Decision Remove(Guid cooperativeId)
    {
        if (IsSent)
        {
            return DomainError.Conflict("batch-already-sent", $"The batch was sent on {SentOn:yyyy-MM-dd}; its proposals stay as sent.");
        }

        return Proposals.Any(p => p.CooperativeId == cooperativeId)
            ? Decision.Accept(new DissolutionProposalUnbatched(Id, cooperativeId))
            : DomainError.Unprocessable("cooperative-not-in-batch", $"Koperasi {cooperativeId} is not in this batch.", "cooperativeId");
    }

    /// <summary>The ministry took the batch. Sent once: a second confirmation (a retry, a redelivery) changes nothing.</summary>
    public Decision Sent(DateOnly sentOn)
    {
        if (IsSent)
        {
            return Decision.Accept();
        }

        if (Proposals.Count == 0)
        {
            return DomainError.Unprocessable("batch-empty", "An empty batch is not sent to the ministry.");
        }

        return sentOn < OpenedOn
            ? DomainError.Unprocessable("batch-sent-before-opened", $"The batch was opened on {OpenedOn:yyyy-MM-dd}; it is sent after.", "sentOn")
            : Decision.Accept(new DissolutionBatchSent(Id, sentOn, IdempotencyKey, Proposals));
    }

    /// <summary>
    /// Takes the ministry's answers. The first answer for a koperasi of the batch counts; an answer for
    /// a koperasi not in the batch, or a second one, is kept as a mismatch. The same answer again
    /// (a file imported twice, a retried call) changes nothing.
    /// </summary>
    public Decision Receive(IEnumerable<MinistryAnswer> answers, DateOnly receivedOn)
    {
        if (!IsSent)
        {
            return DomainError.Conflict("batch-not-sent", "The ministry answers a batch after it was sent.");
        }

        if (receivedOn < SentOn)
        {
            return DomainError.Unprocessable("answer-before-sending", $"The batch was sent on {SentOn:yyyy-MM-dd}; its answers come after.", "receivedOn");
        }

        var events = new List<object>();
        var answered = new Dictionary<Guid, MinistryAnswer>(Answers);
        var mismatched = Mismatches.ToList();
        foreach (var answer in answers)
        {
            if (answer.Incomplete() is { } incomplete)
            {
                return incomplete with { Detail = $"Koperasi {answer.CooperativeId}: {incomplete.Detail}" };
            }

            if (Proposals.FirstOrDefault(p => p.CooperativeId == answer.CooperativeId) is not { } proposal)
            {
                Mismatch(new AnswerMismatch(answer.CooperativeId, NotInBatch, answer));
            }
            else if (answered.TryGetValue(answer.CooperativeId, out var first))
            {
                if (!Same(first, answer))
                {
                    Mismatch(new AnswerMismatch(answer.CooperativeId, SecondAnswer, answer));
                }
            }
            else
            {
                answered[answer.CooperativeId] = answer;
                events.Add(new MinistryAnswerReceived(Id, proposal.CaseId, receivedOn, answer));
            }
        }

        return Decision.Accept(events);

        void Mismatch(AnswerMismatch mismatch)
        {
            if (!mismatched.Any(m => m.Kind == mismatch.Kind && Same(m.Answer, mismatch.Answer)))
            {
                mismatched.Add(mismatch);
                events.Add(new MinistryAnswerMismatched(Id, receivedOn, mismatch));
            }
        }
    }

    private static bool Same(MinistryAnswer a, MinistryAnswer b) =>
        a with { Documents = null } == b with { Documents = null } && (a.Documents ?? []).SequenceEqual(b.Documents ?? []);
}

/// <summary>Stored event names of the batch stream.</summary>
public static class DissolutionBatchEventNames
{
    public static void Register(StoreOptions options)
    {
        options.Events.MapEventType<DissolutionBatchOpened>("dissolution-batch-opened");
        options.Events.MapEventType<DissolutionProposalBatched>("dissolution-proposal-batched");
        options.Events.MapEventType<DissolutionProposalUnbatched>("dissolution-proposal-unbatched");
        options.Events.MapEventType<DissolutionBatchSent>("dissolution-batch-sent");
        options.Events.MapEventType<MinistryAnswerReceived>("ministry-answer-received");
        options.Events.MapEventType<MinistryAnswerMismatched>("ministry-answer-mismatched");
    }
}

/// <summary>Where a batch stands: gathering proposals, sent and waiting for the ministry, or answered (at least in part).</summary>
public enum DissolutionBatchStatus
{
    Open,
    Sent,
    Answered,
}

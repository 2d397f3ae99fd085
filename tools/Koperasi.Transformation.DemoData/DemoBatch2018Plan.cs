using Koperasi.Demo;
using Koperasi.ServiceDefaults.Decisions;
using Koperasi.Transformation.Cases;
using Koperasi.Transformation.Dissolutions;

namespace Koperasi.Transformation.Demo;

/// <summary>A koperasi of the 2018 batch: its standing in this service, and why the ministry held its file back (null: approved).</summary>
public sealed record DemoProposal(Standing Standing, HeldBackReason? HeldBack);

/// <summary>The events of the batch's stream and of each case's stream, as the service's own decisions gave them.</summary>
public sealed record DemoBatch2018Events(Guid BatchId, IReadOnlyList<object> Batch, IReadOnlyList<(Guid CaseId, IReadOnlyList<object> Events)> Cases);

/// <summary>
/// The 2018 batch walked through the Transformation's own decisions, in memory (pure: the proposals,
/// the options and today in; events out): each government-path case proposed on the no-RAT ground,
/// verified in the field, announced; the batch opened, filled and sent; the ministry's notice and its
/// answers (approved with a decree, documents needed, or none for a file held back for government
/// aid); the approved ones liquidated and extinguished. A step any rule refuses stops the plan,
/// naming the koperasi and the rule: the demo never goes around a rule.
/// </summary>
public static class DemoBatch2018Plan
{
    /// <summary>What the ministry asks of a file whose original deed is missing.</summary>
    public const string OriginalDeed = "Original deed of establishment (akta pendirian), or a police report of its loss";

    public static DemoBatch2018Events Build(DemoBatch2018 batch, IReadOnlyList<DemoProposal> proposals, DissolutionOptions options, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(proposals);
        var dates = batch.Schedule;
        var cases = new List<Track<DissolutionCase>>();
        for (var i = 0; i < proposals.Count; i++)
        {
            var standing = proposals[i].Standing;
            var known = standing.Cooperative ?? throw new InvalidOperationException("A proposal of the 2018 batch names a koperasi this service does not know.");
            var track = new Track<DissolutionCase>(known.Name?.Value ?? known.Id.ToString(), DissolutionCase.Fold, (c, version) => c with { Version = version });
            var evidence = known.LatestRatYear is { } year
                ? $"Register: last RAT for the financial year {year}"
                : $"Register: no RAT since the legal entity ({known.DecreeYear})";
            var command = new GovernmentDissolutionProposal(
                DemoBatch2018Ids.CaseId(known.Id), dates.ProposedOn, known.Id, [new DissolutionGround(DissolutionGroundKind.NoRat, evidence)]);
            track.Apply(_ => DissolutionCase.ProposeByGovernment(command, standing, today, options));
            var letter = new VillageLetter($"140/{i + 1:000}/SKD/I/2018", dates.VillageLetterOn, $"Desa/kelurahan of the koperasi's address, regency {known.RegencyCode?.Value}");
            track.Apply(c => c.VerifyInField(letter, dates.VerifiedOn, today));
            track.Apply(c => c.Announce(dates.AnnouncedOn, today));
            cases.Add(track);
        }

        var batchId = DemoBatch2018Ids.BatchId;
        var sending = new Track<DissolutionBatch>(batch.Title, DissolutionBatch.Fold, (b, version) => b with { Version = version });
        sending.Apply(_ => DissolutionBatch.Open(batchId, batch.Title, dates.BatchOpenedOn, today));
        foreach (var track in cases)
        {
            sending.Apply(b => b.Add(track.State, dates.BatchOpenedOn, options));
        }

        sending.Apply(b => b.Sent(dates.SentOn));
        foreach (var track in cases)
        {
            track.Apply(c => c.SentToMinistry(batchId, dates.SentOn, options));
        }

        var answers = new List<MinistryAnswer>();
        for (var i = 0; i < cases.Count; i++)
        {
            var track = cases[i];
            switch (proposals[i].HeldBack)
            {
                case null:
                    track.Apply(c => c.RecordNotice(new MinistryNotice($"B-{i + 1}/KUKM.2/VI/2018", dates.NoticeOn), today));
                    answers.Add(new MinistryAnswer(track.State.CooperativeId, MinistryAnswerKind.Approved, $"{i + 1}/KEP/M.KUKM.2/IX/2018", dates.DecreeOn));
                    break;
                case HeldBackReason.OriginalDeedMissing:
                    answers.Add(new MinistryAnswer(track.State.CooperativeId, MinistryAnswerKind.DocumentsNeeded, Documents: [OriginalDeed]));
                    break;
                case HeldBackReason.GovernmentAid:
                    // Held back: the ministry gave no answer; the file stays pending in the reconciliation.
                    break;
            }
        }

        var received = sending.Apply(b => b.Receive(answers, dates.AnswersReceivedOn));
        var byCase = cases.ToDictionary(c => c.State.Id);
        foreach (var answer in received.OfType<MinistryAnswerReceived>())
        {
            byCase[answer.CaseId].Apply(c => c.ApplyMinistryAnswer(batchId, answer.Answer, options));
        }

        foreach (var track in cases.Where(c => c.State.Stage == DissolutionStage.Decided))
        {
            track.Apply(c => c.NameLiquidationTeam(["Tim penyelesai, Dinas Koperasi dan UKM Provinsi Jambi"], dates.LiquidationTeamNamedOn, today));
            track.Apply(c => c.Settle(dates.SettledOn, today, options));
            track.Apply(c => c.Extinguish(dates.EffectiveOn, today));
        }

        return new DemoBatch2018Events(batchId, sending.Events, [.. cases.Select(c => (c.State.Id, (IReadOnlyList<object>)c.Events))]);
    }

    /// <summary>A stream built in memory: each decision's events appended and folded, a refusal thrown.</summary>
    private sealed class Track<T>(string name, Func<T?, object, T?> fold, Func<T, long, T> versioned) where T : class
    {
        private T? _state;

        public List<object> Events { get; } = [];

        public T State => _state ?? throw new InvalidOperationException($"{name}: the stream has not started.");

        public IReadOnlyList<object> Apply(Func<T, Decision> decide)
        {
            var decision = decide(_state!);
            if (decision.Error is { } error)
            {
                throw new InvalidOperationException($"2018 batch, {name}: {error.Rule}: {error.Detail}");
            }

            foreach (var e in decision.Events)
            {
                Events.Add(e);
                _state = fold(_state, e) is { } next ? versioned(next, Events.Count) : _state;
            }

            return decision.Events;
        }
    }
}

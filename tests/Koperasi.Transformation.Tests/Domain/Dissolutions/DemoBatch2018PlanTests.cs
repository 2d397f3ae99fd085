using Koperasi.Transformation.Cases;
using Koperasi.Transformation.Cooperatives;
using Koperasi.Transformation.Demo;
using Koperasi.Transformation.Dissolutions;
using static Koperasi.Transformation.Tests.Domain.Given;

namespace Koperasi.Transformation.Tests.Domain.Dissolutions;

/// <summary>
/// The 2018 demo batch (tools/Koperasi.Transformation.DemoData) walked through the service's own
/// decisions, on a batch of five: the approved dissolved in 2019, a file waiting for the original deed,
/// one held back for government aid. The full batch is loaded by Demo2018BatchTests (end to end).
/// </summary>
public class DemoBatch2018PlanTests
{
    private static readonly DissolutionOptions Options = new();

    private static DemoBatch2018 Small => DemoBatch2018.Load() with
    {
        Proposed = 5,
        Approved = [new("1571", 3)],
        HeldBack = [new("1504", 1, HeldBackReason.OriginalDeedMissing), new("1508", 1, HeldBackReason.GovernmentAid)],
    };

    [Fact]
    public void The_tool_s_file_adds_up_to_the_batch_as_proposed()
    {
        var batch = DemoBatch2018.Load();
        (batch.ApprovedTotal + batch.HeldBackTotal).ShouldBe(batch.Proposed);
        batch.ApprovedCooperatives.Select(a => a.CooperativeId).ShouldBeUnique();
        batch.ApprovedCooperatives.Count.ShouldBe(batch.ApprovedTotal);
        Should.Throw<InvalidOperationException>(() => (Small with { Proposed = 6 }).Check()).Message.ShouldContain("not the 6 proposed");
    }

    [Fact]
    public void The_approved_are_dissolved_in_2019_and_the_files_held_back_stay_open_and_reconcile()
    {
        var batch = Small;
        var approved = Enumerable.Range(0, 3).Select(i => Known($"Koperasi Lama {i}", "1571")).ToList();
        var deed = Known("Koperasi Tanpa Akta", "1504");
        var aid = Known("Koperasi Penerima Bantuan", "1508");
        List<DemoProposal> proposals =
        [
            .. approved.Select(k => new DemoProposal(new Standing(k, null), null)),
            new(new Standing(deed, null), HeldBackReason.OriginalDeedMissing),
            new(new Standing(aid, null), HeldBackReason.GovernmentAid),
        ];

        var events = DemoBatch2018Plan.Build(batch, proposals, Options, Today);

        var cases = events.Cases.ToDictionary(c => c.CaseId, c => c.Events.Aggregate((DissolutionCase?)null, DissolutionCase.Fold)!);
        var byCooperative = cases.Values.ToDictionary(c => c.CooperativeId);
        foreach (var known in approved)
        {
            var dissolved = byCooperative[known.Id];
            (dissolved.Path, dissolved.Stage, dissolved.DissolvedOn).ShouldBe((DissolutionPath.Government, DissolutionStage.Dissolved, batch.Schedule.EffectiveOn));
            dissolved.Decided!.DecreeNumber.ShouldNotBeNullOrWhiteSpace();
            dissolved.Decided.DecidedOn.ShouldBe(batch.Schedule.DecreeOn);
            dissolved.DissolvedOn!.Value.Year.ShouldBe(2019);
        }

        (byCooperative[deed.Id].Stage, byCooperative[deed.Id].DocumentsNeeded.Single()).ShouldBe((DissolutionStage.Announced, DemoBatch2018Plan.OriginalDeed));
        byCooperative[aid.Id].Stage.ShouldBe(DissolutionStage.ProposedToMinistry);
        cases.Values.ShouldAllBe(c => c.BatchId == events.BatchId);

        var sent = events.Batch.Aggregate((DissolutionBatch?)null, DissolutionBatch.Fold)!;
        (sent.Proposals.Count, sent.SentOn, sent.Answers.Count).ShouldBe((5, batch.Schedule.SentOn, 4));
        var reconciliation = BatchReconciliation.Of(sent, cases, new Dictionary<Guid, KnownCooperative>());
        (reconciliation.Proposed, reconciliation.Approved, reconciliation.DocumentsNeeded, reconciliation.Pending, reconciliation.Rejected)
            .ShouldBe((5, 3, 1, 1, 0));
        reconciliation.ByRegency.Single(r => r.RegencyCode == "1571").Approved.ShouldBe(3);
    }

    [Fact]
    public void A_koperasi_whose_register_shows_a_recent_RAT_stops_the_load_naming_the_rule()
    {
        var recent = Known("Koperasi Masih Rapat", "1571") with { LatestRatYear = 2016 };
        List<DemoProposal> proposals =
        [
            new(new Standing(recent, null), null),
            new(new Standing(Known("Koperasi Lain", "1571"), null), null),
            new(new Standing(Known("Koperasi Tanpa Akta", "1504"), null), HeldBackReason.OriginalDeedMissing),
            new(new Standing(Known("Koperasi Penerima Bantuan", "1508"), null), HeldBackReason.GovernmentAid),
        ];

        Should.Throw<InvalidOperationException>(() => DemoBatch2018Plan.Build(Small, proposals, Options, Today))
            .Message.ShouldContain("no-rat-ground-contradicted");
    }
}

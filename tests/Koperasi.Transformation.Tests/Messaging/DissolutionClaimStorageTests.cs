using JasperFx;
using Koperasi.Transformation.Cases;
using Koperasi.Transformation.Dissolutions;
using Koperasi.Transformation.Tests.Domain;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using static Koperasi.Transformation.Tests.Domain.Dissolutions.GivenDissolution;

namespace Koperasi.Transformation.Tests.Messaging;

/// <summary>
/// On the real PostgreSQL: a dissolution case takes the same participation claim as a transformation,
/// so a koperasi is in at most one open case of either kind, whichever commits first; closing the
/// case frees it, dissolving it ends it for good. The case's state is kept as a document with its events.
/// </summary>
public class DissolutionClaimStorageTests(TransformationHost host) : IClassFixture<TransformationHost>
{
    private IDocumentStore Store => host.Services.GetRequiredService<IDocumentStore>();

    private async Task StartAsync<T>(Guid id, IEnumerable<object> events)
        where T : class
    {
        await using var session = Store.LightweightSession();
        session.Events.StartStream<T>(id, events);
        await session.SaveChangesAsync();
    }

    private static Task<DocumentAlreadyExistsException> ClashAsync(Func<Task> start) => Should.ThrowAsync<DocumentAlreadyExistsException>(start);

    [Fact]
    public async Task A_koperasi_in_an_open_merger_cannot_be_proposed_for_dissolution()
    {
        var (survivor, absorbed) = (Given.Known("Koperasi Maju Bersama"), Coop());
        var merger = Given.MergerProposed(survivor, absorbed);
        await StartAsync<TransformationCase>(Given.State(merger).Id, merger);
        var dissolution = ProposedByGovernment(absorbed);

        var clash = await ClashAsync(() => StartAsync<DissolutionCase>(State(dissolution).Id, dissolution));

        (clash.DocumentType, clash.Id).ShouldBe((typeof(ParticipationClaim), (object)absorbed.Id));
    }

    [Fact]
    public async Task A_koperasi_in_an_open_dissolution_cannot_join_a_merger_until_the_case_is_withdrawn()
    {
        var (survivor, dissolving) = (Given.Known("Koperasi Maju Bersama"), Coop());
        var dissolution = ProposedByBoard(dissolving);
        var caseId = State(dissolution).Id;
        await StartAsync<DissolutionCase>(caseId, dissolution);
        var merger = Given.MergerProposed(survivor, dissolving);

        (await ClashAsync(() => StartAsync<TransformationCase>(Given.State(merger).Id, merger))).DocumentType.ShouldBe(typeof(ParticipationClaim));

        await using (var session = Store.LightweightSession())
        {
            session.Events.Append(caseId, [.. State(dissolution).Withdraw("Rapat anggota dibatalkan", MembersProposedOn, Today).Events]);
            await session.SaveChangesAsync();
        }

        await StartAsync<TransformationCase>(Given.State(merger).Id, merger);
        await using var query = Store.QuerySession();
        (await query.LoadAsync<ParticipationClaim>(dissolving.Id))!.CaseId.ShouldBe(Given.State(merger).Id);
        (await query.LoadAsync<DissolutionCase>(caseId))!.Stage.ShouldBe(DissolutionStage.Withdrawn);
    }

    [Fact]
    public async Task A_dissolved_koperasi_keeps_its_claim_ended_and_never_takes_part_again()
    {
        var dissolving = Coop();
        var history = Then(Liquidating(dissolving, out _), c => c.Settle(new DateOnly(2026, 5, 10), Today, Options));
        history = Then(history, c => c.Extinguish(new DateOnly(2026, 6, 1), Today));
        var caseId = State(history).Id;

        await StartAsync<DissolutionCase>(caseId, history);

        await using var query = Store.QuerySession();
        var claim = (await query.LoadAsync<ParticipationClaim>(dissolving.Id))!;
        claim.ShouldBe(new ParticipationClaim(dissolving.Id, caseId, Ended: true));
        TransformationCase.MayTakePart(dissolving.Id, new Standing(dissolving, claim), "cooperativeId")!.Rule.ShouldBe("cooperative-dissolved");
        var stored = (await query.LoadAsync<DissolutionCase>(caseId))!;
        (stored.Stage, stored.Creditors.Single().NotifiedOn, stored.Decided!.DecreeNumber).ShouldBe((DissolutionStage.Dissolved, new DateOnly(2026, 2, 10), "012/KEP/M.KUKM.2/I/2026"));
    }

    [Fact]
    public async Task A_batch_is_kept_as_a_document_with_its_answers()
    {
        var known = Coop();
        var batchId = Guid.NewGuid();
        var opened = DissolutionBatch.Open(batchId, "Usulan pembubaran Oktober 2025", new DateOnly(2025, 10, 2), Today).Events;
        var batch = opened.Aggregate((DissolutionBatch?)null, DissolutionBatch.Fold)!;
        var added = batch.Add(State(Announced(known)), SentOn, Options).Events;
        batch = added.Aggregate(batch, DissolutionBatch.Fold!)!;
        var sent = batch.Sent(SentOn).Events;
        batch = sent.Aggregate(batch, DissolutionBatch.Fold!)!;
        var answered = batch.Receive([Approval(known), Approval(Coop())], Today).Events;

        await StartAsync<DissolutionBatch>(batchId, [.. opened, .. added, .. sent, .. answered]);

        await using var query = Store.QuerySession();
        var stored = (await query.LoadAsync<DissolutionBatch>(batchId))!;
        (stored.SentOn, stored.Answers[known.Id].Kind, stored.Mismatches.Single().Kind).ShouldBe(((DateOnly?)SentOn, MinistryAnswerKind.Approved, DissolutionBatch.NotInBatch));
    }
}

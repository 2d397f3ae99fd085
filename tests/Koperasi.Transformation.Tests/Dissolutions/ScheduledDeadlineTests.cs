using Koperasi.Transformation.Dissolutions;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using static Koperasi.Transformation.Tests.Domain.Dissolutions.GivenDissolution;

namespace Koperasi.Transformation.Tests.Dissolutions;

/// <summary>
/// The deadlines watched as time passes: with the scheduled evaluation on and the service's clock
/// moved past a case's deadline, the case records the missed deadline once, with no request made.
/// </summary>
public sealed class ScheduledDeadlineTests(ScheduledTransformationHost host) : IClassFixture<ScheduledTransformationHost>
{
    private IDocumentStore Store => host.Services.GetRequiredService<IDocumentStore>();

    [Fact]
    public async Task Moving_the_clock_past_a_meeting_day_records_the_missed_deadline_once()
    {
        // The clock is at 2026-11-22; the meeting is called for 2026-12-10.
        var proposed = ProposedByBoard(Coop());
        var state = State(proposed);
        var meetingOn = new DateOnly(2026, 12, 10);
        await using (var session = Store.LightweightSession())
        {
            session.Events.StartStream<DissolutionCase>(state.Id, [.. proposed, new DissolutionMeetingCalled(state.Id, state.CooperativeId, new DateOnly(2026, 11, 20), meetingOn)]);
            await session.SaveChangesAsync();
        }

        host.Clock.Advance(TimeSpan.FromHours(2));
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        (await MissedAsync(state.Id)).ShouldBeEmpty();

        host.Clock.Advance(TimeSpan.FromDays(19)); // 2026-12-11: the meeting day has passed.

        await Koperasi.Testing.Eventually.UntilAsync(async () => (await MissedAsync(state.Id)).Count > 0, "the missed deadline recorded");
        var missed = (await MissedAsync(state.Id)).ShouldHaveSingleItem();
        (missed.Step, missed.DueOn, missed.Party, missed.RecordedOn).ShouldBe(("record-members-meeting", meetingOn, DeadlineParty.Dinas, new DateOnly(2026, 12, 11)));

        // Evaluated again later: still once.
        host.Clock.Advance(TimeSpan.FromHours(2));
        var again = await WatchDissolutionDeadlines.RunAsync(Store, new DateOnly(2026, 12, 12), Options, CancellationToken.None);
        again.DeadlinesMissed.ShouldBe(0);
        (await MissedAsync(state.Id)).Count.ShouldBe(1);
        await using var query = Store.QuerySession();
        (await query.LoadAsync<DissolutionCase>(state.Id))!.MissedDeadlines.ShouldHaveSingleItem().Step.ShouldBe("record-members-meeting");
    }

    private async Task<List<DissolutionDeadlineMissed>> MissedAsync(Guid caseId)
    {
        await using var query = Store.QuerySession();
        return [.. (await query.Events.FetchStreamAsync(caseId)).Select(e => e.Data).OfType<DissolutionDeadlineMissed>()];
    }
}

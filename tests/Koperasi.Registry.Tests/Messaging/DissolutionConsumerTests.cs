using Koperasi.Contracts.Registry;
using Koperasi.Contracts.Transformation;

namespace Koperasi.Registry.Tests.Messaging;

/// <summary>
/// A completed dissolution published into the Registry's bus records the koperasi dissolved (by the
/// government or its members' meeting, with liquidation) and is answered with cooperative-dissolved;
/// the same case again changes nothing; a dissolution by another reason is refused and answered.
/// </summary>
public sealed class DissolutionConsumerTests() : TransformationHarness("dissolutions")
{
    private static readonly DateOnly EffectiveOn = new(2026, 11, 1);

    [Fact]
    public async Task A_completed_dissolution_dissolves_the_koperasi_with_liquidation_and_keeps_its_history()
    {
        var tag = $"Bubar{Guid.NewGuid():N}"[..14];
        var cooperative = await RegisterAsync($"Koperasi {tag}");
        var completed = new DissolutionCompleted(Guid.NewGuid(), 14, DateTimeOffset.UtcNow, cooperative, "government", EffectiveOn);

        await Bus.PublishAsync(completed, Guid.NewGuid());

        var dissolved = (await Probe.WaitForAsync(Dissolved, About(cooperative))).As<CooperativeDissolved>();
        (dissolved.Reason, dissolved.SuccessorId, dissolved.CaseId, dissolved.WithoutLiquidation, dissolved.EffectiveOn)
            .ShouldBe(("government", (Guid?)null, (Guid?)completed.CaseId, false, EffectiveOn));
        var gone = await ReadAsync(cooperative);
        (gone["legalStatus"]!.GetValue<string>(), gone["dissolution"]!["reason"]!.GetValue<string>()).ShouldBe(("dissolved", "government"));
        var version = gone["version"]!.GetValue<long>();
        (await HistoryAsync(cooperative))[0]!["type"]!.GetValue<string>().ShouldBe("cooperative-registered");

        var redelivery = Guid.NewGuid();
        await Bus.PublishAsync(completed with { StreamVersion = 15 }, redelivery);
        await Bus.ConsumedAsync(redelivery, 1);

        (await ReadAsync(cooperative))["version"]!.GetValue<long>().ShouldBe(version);
        var listed = await Api.GetAsync(Client, $"/api/registry/cooperatives?q={tag}&legalStatus=dissolved");
        listed["items"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_dissolution_by_the_members_meeting_is_recorded_as_such()
    {
        var cooperative = await RegisterAsync($"Koperasi Rapat {Guid.NewGuid():N}");

        await Bus.PublishAsync(new DissolutionCompleted(Guid.NewGuid(), 9, DateTimeOffset.UtcNow, cooperative, "members-meeting", EffectiveOn), Guid.NewGuid());

        (await Probe.WaitForAsync(Dissolved, About(cooperative))).As<CooperativeDissolved>().Reason.ShouldBe("members-meeting");
    }

    [Fact]
    public async Task A_dissolution_naming_no_dissolution_path_is_refused_and_answered()
    {
        var cooperative = await RegisterAsync($"Koperasi Salah {Guid.NewGuid():N}");
        var completed = new DissolutionCompleted(Guid.NewGuid(), 9, DateTimeOffset.UtcNow, cooperative, "merger", EffectiveOn);

        await Bus.PublishAsync(completed, Guid.NewGuid());

        var answer = (await Probe.WaitForAsync(NotApplied, OfCase(completed.CaseId))).As<TransformationNotApplied>();
        answer.Rule.ShouldBe("dissolution-reason-invalid");
        (await ReadAsync(cooperative))["legalStatus"]!.GetValue<string>().ShouldBe("existing");
    }
}

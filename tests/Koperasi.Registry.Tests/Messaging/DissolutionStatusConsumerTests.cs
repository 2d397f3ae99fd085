using Koperasi.Contracts.Transformation;

namespace Koperasi.Registry.Tests.Messaging;

/// <summary>
/// The statuses in between, from the Transformation service's dissolution case: opened makes the
/// koperasi dissolving, decided in liquidation, closed without dissolving existing again, each with
/// its dates on the koperasi and an event in its history. A redelivered or late (older version) step,
/// the close of another case, and a step about a dissolved koperasi change nothing.
/// </summary>
public sealed class DissolutionStatusConsumerTests() : TransformationHarness("dissolution-statuses")
{
    private static readonly DateOnly ProposedOn = new(2026, 3, 2);
    private static readonly DateOnly DecidedOn = new(2026, 8, 17);

    [Fact]
    public async Task A_case_opened_then_decided_shows_dissolving_then_in_liquidation_then_dissolved()
    {
        var tag = $"Proses{Guid.NewGuid():N}"[..14];
        var cooperative = await RegisterAsync($"Koperasi {tag}");
        var caseId = Guid.NewGuid();

        await PublishAndWaitAsync(new DissolutionCaseOpened(caseId, 1, DateTimeOffset.UtcNow, cooperative, "1571", "government", ProposedOn));

        var dissolving = await ReadAsync(cooperative);
        dissolving["legalStatus"]!.GetValue<string>().ShouldBe("dissolving");
        (dissolving["dissolutionCase"]!["caseId"]!.GetValue<Guid>(), dissolving["dissolutionCase"]!["reason"]!.GetValue<string>(), dissolving["dissolutionCase"]!["proposedOn"]!.GetValue<string>())
            .ShouldBe((caseId, "government", "2026-03-02"));
        (await ListedAsync(tag, "dissolving")).ShouldBe(1);
        (await ListedAsync(tag, "existing")).ShouldBe(0);

        await PublishAndWaitAsync(new DissolutionDecided(caseId, 9, DateTimeOffset.UtcNow, cooperative, "government", DecidedOn, "123/KEP/M.KUKM.2/VIII/2026"));

        var liquidating = await ReadAsync(cooperative);
        liquidating["legalStatus"]!.GetValue<string>().ShouldBe("in-liquidation");
        (liquidating["dissolutionCase"]!["proposedOn"]!.GetValue<string>(), liquidating["dissolutionCase"]!["decidedOn"]!.GetValue<string>(), liquidating["dissolutionCase"]!["decreeNumber"]!.GetValue<string>())
            .ShouldBe(("2026-03-02", "2026-08-17", "123/KEP/M.KUKM.2/VIII/2026"));
        (await ListedAsync(tag, "in-liquidation")).ShouldBe(1);
        (await ListedAsync(tag, "dissolving")).ShouldBe(0);

        await Bus.PublishAsync(new DissolutionCompleted(caseId, 14, DateTimeOffset.UtcNow, cooperative, "government", new DateOnly(2026, 11, 1)), Guid.NewGuid());
        await Probe.WaitForAsync(Dissolved, About(cooperative));

        (await ReadAsync(cooperative))["legalStatus"]!.GetValue<string>().ShouldBe("dissolved");
        var types = (await HistoryAsync(cooperative)).Select(e => e!["type"]!.GetValue<string>()).ToList();
        types.ShouldBe(["cooperative-registered", "cooperative-dissolution-proposed", "cooperative-liquidation-started", "cooperative-dissolved"]);
    }

    [Fact]
    public async Task A_case_closed_without_dissolving_makes_the_koperasi_existing_again_and_a_late_opening_is_ignored()
    {
        var tag = $"Tutup{Guid.NewGuid():N}"[..14];
        var cooperative = await RegisterAsync($"Koperasi {tag}");
        var caseId = Guid.NewGuid();
        var opened = new DissolutionCaseOpened(caseId, 1, DateTimeOffset.UtcNow, cooperative, "1571", "members-meeting", ProposedOn);
        await PublishAndWaitAsync(opened);
        (await ReadAsync(cooperative))["legalStatus"]!.GetValue<string>().ShouldBe("dissolving");

        await PublishAndWaitAsync(new DissolutionCaseClosed(caseId, 5, DateTimeOffset.UtcNow, cooperative, "withdrawn", "withdrawn", "The koperasi held its RAT again."));

        var existing = await ReadAsync(cooperative);
        existing["legalStatus"]!.GetValue<string>().ShouldBe("existing");
        existing["dissolutionCase"].ShouldBeNull();
        var version = existing["version"]!.GetValue<long>();
        (await ListedAsync(tag, "existing")).ShouldBe(1);

        // The opening delivered again (a new message id, the case's old version): stale.
        await PublishAndWaitAsync(opened);

        var after = await ReadAsync(cooperative);
        (after["legalStatus"]!.GetValue<string>(), after["version"]!.GetValue<long>()).ShouldBe(("existing", version));
        (await HistoryAsync(cooperative)).Select(e => e!["type"]!.GetValue<string>()).ShouldBe(
            ["cooperative-registered", "cooperative-dissolution-proposed", "cooperative-dissolution-case-ended"]);
    }

    [Fact]
    public async Task An_older_step_of_the_case_and_the_close_of_another_case_change_nothing()
    {
        var cooperative = await RegisterAsync($"Koperasi Lama {Guid.NewGuid():N}");
        var caseId = Guid.NewGuid();
        var opened = new DissolutionCaseOpened(caseId, 1, DateTimeOffset.UtcNow, cooperative, "1571", "government", ProposedOn);
        var decided = new DissolutionDecided(caseId, 9, DateTimeOffset.UtcNow, cooperative, "government", DecidedOn, "1/KEP/2026");
        await PublishAndWaitAsync(opened);
        await PublishAndWaitAsync(decided);
        var version = (await ReadAsync(cooperative))["version"]!.GetValue<long>();

        await PublishAndWaitAsync(opened);
        await PublishAndWaitAsync(decided with { StreamVersion = 8, DecreeNumber = "OLD" });
        await PublishAndWaitAsync(new DissolutionCaseClosed(Guid.NewGuid(), 20, DateTimeOffset.UtcNow, cooperative, "rejected", "quorum-not-met", "Another case."));

        var after = await ReadAsync(cooperative);
        (after["legalStatus"]!.GetValue<string>(), after["version"]!.GetValue<long>(), after["dissolutionCase"]!["decreeNumber"]!.GetValue<string>())
            .ShouldBe(("in-liquidation", version, "1/KEP/2026"));
    }

    [Fact]
    public async Task A_step_about_a_dissolved_koperasi_or_naming_no_dissolution_path_changes_nothing()
    {
        var cooperative = await RegisterAsync($"Koperasi Bubar {Guid.NewGuid():N}");
        var first = Guid.NewGuid();
        await Bus.PublishAsync(new DissolutionCompleted(first, 14, DateTimeOffset.UtcNow, cooperative, "members-meeting", new DateOnly(2026, 11, 1)), Guid.NewGuid());
        await Probe.WaitForAsync(Dissolved, About(cooperative));
        var version = (await ReadAsync(cooperative))["version"]!.GetValue<long>();

        await PublishAndWaitAsync(new DissolutionCaseOpened(Guid.NewGuid(), 1, DateTimeOffset.UtcNow, cooperative, "1571", "government", ProposedOn));
        await PublishAndWaitAsync(new DissolutionDecided(Guid.NewGuid(), 3, DateTimeOffset.UtcNow, cooperative, "government", DecidedOn, null));

        var after = await ReadAsync(cooperative);
        (after["legalStatus"]!.GetValue<string>(), after["version"]!.GetValue<long>()).ShouldBe(("dissolved", version));

        var other = await RegisterAsync($"Koperasi Jalur {Guid.NewGuid():N}");
        await PublishAndWaitAsync(new DissolutionCaseOpened(Guid.NewGuid(), 1, DateTimeOffset.UtcNow, other, "1571", "merger", ProposedOn));
        (await ReadAsync(other))["legalStatus"]!.GetValue<string>().ShouldBe("existing");
    }

    private async Task PublishAndWaitAsync<T>(T message) where T : class
    {
        var messageId = Guid.NewGuid();
        await Bus.PublishAsync(message, messageId);
        await Bus.ConsumedAsync(messageId, 1);
    }

    private async Task<int> ListedAsync(string tag, string legalStatus) =>
        (await Api.GetAsync(Client, $"/api/registry/cooperatives?q={tag}&legalStatus={legalStatus}"))["items"]!.AsArray().Count;
}

using System.Text.Json.Nodes;
using Koperasi.Contracts.Funding;

namespace Koperasi.Registry.Tests.Messaging;

/// <summary>
/// A paid grant published into the Registry's bus, as Funding's relay would, is recorded on the
/// koperasi it names as government aid: once, handed on to a successor, and never failing the
/// message for a koperasi the register does not know.
/// </summary>
public sealed class GovernmentAidConsumerTests() : TransformationHarness("aid")
{
    private static GrantDisbursed Grant(Guid? cooperativeId, decimal amount = 5_000_000) => new(
        Guid.CreateVersion7(), 7, DateTimeOffset.UtcNow, Guid.CreateVersion7(), Guid.CreateVersion7(), 2026, "1503", cooperativeId,
        amount, new DateOnly(2026, 10, 7), $"TRF-{Guid.NewGuid():N}");

    private async Task<Guid> DeliveredAsync(GrantDisbursed grant, Guid? messageId = null)
    {
        var id = messageId ?? Guid.NewGuid();
        await Bus.PublishAsync(grant, id);
        return id;
    }

    private async Task<JsonObject> ConsumedAsync(GrantDisbursed grant, Guid messageId, int times = 1)
    {
        await Bus.ConsumedAsync(messageId, times);
        return await ReadAsync(grant.CooperativeId!.Value);
    }

    [Fact]
    public async Task A_paid_grant_shows_on_the_koperasi_it_names_and_in_its_history()
    {
        var koperasi = await RegisterAsync($"Koperasi Bantuan {Guid.NewGuid():N}");
        (await ReadAsync(koperasi))["receivedGovernmentAid"]!.GetValue<bool>().ShouldBeFalse();
        var grant = Grant(koperasi);

        var read = await ConsumedAsync(grant, await DeliveredAsync(grant));

        read["receivedGovernmentAid"]!.GetValue<bool>().ShouldBeTrue();
        var aid = read["governmentAid"]!.AsArray().Single()!;
        (aid["programme"]!.GetValue<string>(), aid["year"]!.GetValue<int>(), aid["amount"]!.GetValue<decimal>(), aid["disbursedOn"]!.GetValue<string>(), aid["applicationId"]!.GetValue<Guid>())
            .ShouldBe(("Dumisake", 2026, 5_000_000m, "2026-10-07", grant.ApplicationId));
        var entry = (await HistoryAsync(koperasi))[^1]!;
        (entry["type"]!.GetValue<string>(), entry["actor"]!.GetValue<string>()).ShouldBe(("government-aid-received", "service:RecordGovernmentAid"));
        entry["data"]!.ToJsonString().ShouldNotContain(grant.ApplicantId.ToString());
    }

    [Fact]
    public async Task A_grant_delivered_twice_is_recorded_once()
    {
        var koperasi = await RegisterAsync($"Koperasi Bantuan {Guid.NewGuid():N}");
        var grant = Grant(koperasi);
        var messageId = await DeliveredAsync(grant);
        var version = (await ConsumedAsync(grant, messageId))["version"]!.GetValue<long>();

        await DeliveredAsync(grant, messageId);
        var read = await ConsumedAsync(grant, messageId, times: 2);
        // The same grant again under another message id (a replay of Funding's relay) is still the same application.
        var replayed = await ConsumedAsync(grant, await DeliveredAsync(grant));

        (read["version"]!.GetValue<long>(), replayed["version"]!.GetValue<long>()).ShouldBe((version, version));
        replayed["governmentAid"]!.AsArray().Count.ShouldBe(1);
        (await HistoryAsync(koperasi)).Count(e => e!["type"]!.GetValue<string>() == "government-aid-received").ShouldBe(1);
    }

    [Fact]
    public async Task A_grant_for_an_absorbed_koperasi_is_recorded_on_its_survivor()
    {
        var survivor = await RegisterAsync($"Koperasi Tetap {Guid.NewGuid():N}");
        var absorbed = await RegisterAsync($"Koperasi Lebur {Guid.NewGuid():N}");
        var merger = Approvals.Merger(survivor, absorbed);
        await Bus.PublishAsync(merger, Guid.NewGuid());
        await Probe.WaitForAsync(Merged, OfCase(merger.CaseId));
        var absorbedVersion = (await ReadAsync(absorbed))["version"]!.GetValue<long>();
        var grant = Grant(absorbed);

        await ConsumedAsync(grant, await DeliveredAsync(grant));

        var aid = (await ReadAsync(survivor))["governmentAid"]!.AsArray().Single()!;
        (aid["applicationId"]!.GetValue<Guid>(), aid["namedCooperativeId"]!.GetValue<Guid>()).ShouldBe((grant.ApplicationId, absorbed));
        (await ReadAsync(absorbed))["version"]!.GetValue<long>().ShouldBe(absorbedVersion);
    }

    [Fact]
    public async Task A_grant_naming_an_unknown_koperasi_or_none_is_handled_and_records_nothing()
    {
        var unknown = Grant(Guid.NewGuid());
        var none = Grant(null);
        var unknownId = await DeliveredAsync(unknown);
        var noneId = await DeliveredAsync(none);

        await Bus.ConsumedAsync(unknownId, 1);
        await Bus.ConsumedAsync(noneId, 1);

        using var response = await Client.GetAsync(new Uri($"/api/registry/cooperatives/{unknown.CooperativeId}", UriKind.Relative));
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
    }
}

using System.Text.Json.Nodes;
using Koperasi.Testing;
using static Koperasi.Registry.Tests.Supervision.SupervisionApi;

namespace Koperasi.Registry.Tests.Supervision;

/// <summary>Supervision events reach subscribers as their documented contracts.</summary>
public sealed class SupervisionRelayTests : IAsyncLifetime
{
    private readonly IsolatedRegistryHost _registry = new("supervisionrelay", new DateTimeOffset(2026, 11, 22, 3, 0, 0, TimeSpan.Zero));
    private BrokerProbe _probe = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _probe = await BrokerProbe.SubscribeAsync(
            _registry.EntityPrefix,
            "koperasi:registry:pembina-assigned:v1",
            "koperasi:registry:supervision-recorded:v1",
            "koperasi:registry:flagship-designated:v1",
            "koperasi:registry:kdmp-marked:v1");
        await _registry.InitializeAsync();
        _client = _registry.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        await _probe.DisposeAsync();
        await _registry.DisposeAsync();
    }

    [Fact]
    public async Task Assignment_supervision_record_designation_and_KDMP_marking_are_published_as_their_contracts()
    {
        var koperasi = await Api.RegisterAsync(_client, InBangko(Api.Rat(2025, "2026-03-01")));
        var id = koperasi["id"]!.GetValue<string>();
        await OkAsync(await PostAsync(_client, id, "pembina-assignments", Assignment("pembina.merangin.lama", "1502")));
        await OkAsync(await PostAsync(_client, id, "pembina-reassignments", Assignment("pembina.merangin", "1502")));
        await OkAsync(await PostAsync(_client, id, "supervision-records", Visit("2026-11-03", ("Kirim salinan buku kas", "2026-11-30"))));
        await OkAsync(await PostAsync(_client, id, "flagship-designations", new JsonObject
        {
            ["regencyCode"] = "1502", ["reason"] = "Sehat.", ["validFrom"] = "2026-11-01", ["validUntil"] = "2027-12-31",
        }));
        await OkAsync(await PostAsync(_client, id, "kdmp", new JsonObject { ["desaCode"] = "15.02.02.1010", ["markedOn"] = "2025-07-21" }));

        bool Of(System.Text.Json.JsonElement m) => m.GetProperty("cooperativeId").GetString() == id;
        var reassigned = (await _probe.WaitForAsync(
            "koperasi:registry:pembina-assigned:v1", m => Of(m) && m.GetProperty("previousPembinaUserId").ValueKind == System.Text.Json.JsonValueKind.String))
            .As<Contracts.Registry.PembinaAssigned>();
        var recorded = (await _probe.WaitForAsync("koperasi:registry:supervision-recorded:v1", Of)).As<Contracts.Registry.SupervisionRecorded>();
        var designated = (await _probe.WaitForAsync("koperasi:registry:flagship-designated:v1", Of)).As<Contracts.Registry.FlagshipDesignated>();
        var marked = (await _probe.WaitForAsync("koperasi:registry:kdmp-marked:v1", Of)).As<Contracts.Registry.KdmpMarked>();

        reassigned.Level.ShouldBe("kabupaten-kota");
        reassigned.PembinaUserId.ShouldBe("pembina.merangin");
        reassigned.PreviousPembinaUserId.ShouldBe("pembina.merangin.lama");
        reassigned.EffectiveOn.ShouldBe(new DateOnly(2026, 11, 22));
        recorded.Kind.ShouldBe("visit");
        recorded.RegencyCode.ShouldBe("1502");
        recorded.FollowUps.Single().Number.ShouldBe(1);
        designated.RegencyName.ShouldContain("Merangin");
        designated.DesignatedBy.ShouldBe("test-admin-provinsi");
        marked.DesaName.ShouldBe("Pasar Bangko");
        marked.KecamatanCode.ShouldBe("15.02.02");
    }
}

using System.Text.Json.Nodes;
using static Koperasi.Registry.Tests.Supervision.SupervisionApi;

namespace Koperasi.Registry.Tests.Supervision;

/// <summary>Supervision events reach subscribers as their documented contracts.</summary>
public sealed class SupervisionRelayTests() : Messaging.RelayHarness(
    "supervisionrelay",
    "koperasi:registry:pembina-assigned:v1",
    "koperasi:registry:supervision-recorded:v1",
    "koperasi:registry:flagship-designated:v1",
    "koperasi:registry:kdmp-marked:v1")
{
    [Fact]
    public async Task Assignment_supervision_record_designation_and_KDMP_marking_are_published_as_their_contracts()
    {
        var koperasi = await Api.RegisterAsync(Client, InBangko(Api.Rat(2025, "2026-03-01")));
        var id = koperasi["id"]!.GetValue<string>();
        await OkAsync(await PostAsync(Client, id, "pembina-assignments", Assignment("pembina.merangin.lama", "1502")));
        await OkAsync(await PostAsync(Client, id, "pembina-reassignments", Assignment("pembina.merangin", "1502")));
        await OkAsync(await PostAsync(Client, id, "supervision-records", Visit("2026-11-03", ("Kirim salinan buku kas", "2026-11-30"))));
        await OkAsync(await PostAsync(Client, id, "flagship-designations", new JsonObject
        {
            ["regencyCode"] = "1502", ["reason"] = "Sehat.", ["validFrom"] = "2026-11-01", ["validUntil"] = "2027-12-31",
        }));
        await OkAsync(await PostAsync(Client, id, "kdmp", new JsonObject { ["desaCode"] = "15.02.02.1010", ["markedOn"] = "2025-07-21" }));

        bool Of(System.Text.Json.JsonElement m) => m.GetProperty("cooperativeId").GetString() == id;
        var reassigned = (await Probe.WaitForAsync(
            "koperasi:registry:pembina-assigned:v1", m => Of(m) && m.GetProperty("previousPembinaUserId").ValueKind == System.Text.Json.JsonValueKind.String))
            .As<Contracts.Registry.PembinaAssigned>();
        var recorded = (await Probe.WaitForAsync("koperasi:registry:supervision-recorded:v1", Of)).As<Contracts.Registry.SupervisionRecorded>();
        var designated = (await Probe.WaitForAsync("koperasi:registry:flagship-designated:v1", Of)).As<Contracts.Registry.FlagshipDesignated>();
        var marked = (await Probe.WaitForAsync("koperasi:registry:kdmp-marked:v1", Of)).As<Contracts.Registry.KdmpMarked>();

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

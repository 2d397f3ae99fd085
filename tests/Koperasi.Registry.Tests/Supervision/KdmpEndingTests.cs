using System.Net;
using System.Text.Json.Nodes;
using Koperasi.Contracts.Transformation;
using Koperasi.Registry.Tests.Messaging;
using static Koperasi.Registry.Tests.Supervision.SupervisionApi;

namespace Koperasi.Registry.Tests.Supervision;

/// <summary>
/// A KDMP dissolved, or merged away, ends its desa's claim on the dissolution's effective date
/// (ADR 0019): the coverage drops from that day and the desa can have a new KDMP from then on,
/// through the Registry's consumers of the Transformation service's approvals (real broker and database).
/// </summary>
public sealed class KdmpEndingTests() : TransformationHarness("kdmpending")
{
    private async Task<Guid> MarkedAsync(string desa)
    {
        var koperasi = await Api.RegisterAsync(Client, InBangko(Api.Rat(2025, "2026-03-01")));
        await OkAsync(await PostAsync(Client, koperasi["id"]!, "kdmp", new JsonObject { ["desaCode"] = desa, ["markedOn"] = "2025-07-21" }));
        return koperasi["id"]!.GetValue<Guid>();
    }

    private async Task<int> CoveredAsync(string on) =>
        (await Api.GetAsync(Client, $"/api/registry/supervision/kdmp-coverage?regency=1502&on={on}"))["kecamatan"]!.AsArray()
            .Single(k => k!["code"]!.GetValue<string>() == "15.02.02")!["desaWithKdmp"]!.GetValue<int>();

    [Fact]
    public async Task A_dissolved_KDMP_frees_its_desa_from_the_effective_date_and_the_coverage_drops()
    {
        // Given the KDMP of Pasar Bangko
        const string desa = "15.02.02.1010";
        var kdmp = await MarkedAsync(desa);
        var successor = await Api.RegisterAsync(Client, InBangko(Api.Rat(2025, "2026-03-01")));
        var before = await CoveredAsync("2026-11-01");

        // When it is dissolved on 1 November 2026
        await Bus.PublishAsync(new DissolutionCompleted(Guid.NewGuid(), 14, DateTimeOffset.UtcNow, kdmp, "government", new DateOnly(2026, 11, 1)), Guid.NewGuid());
        await Probe.WaitForAsync(Dissolved, About(kdmp));

        // Then the desa is covered until the day before, not from that day
        (await CoveredAsync("2026-10-31")).ShouldBe(before);
        (await CoveredAsync("2026-11-01")).ShouldBe(before - 1);

        // And another koperasi can be its KDMP from that day, not before
        using var early = await PostAsync(Client, successor["id"]!, "kdmp", new JsonObject { ["desaCode"] = desa, ["markedOn"] = "2026-10-31" }, successor["version"]);
        early.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = await Api.ProblemAsync(early);
        problem["rule"]!.GetValue<string>().ShouldBe("kdmp-before-previous-ended");
        Api.FieldsOf(problem).ShouldContain("markedOn");
        (await VersionAsync(Client, successor["id"]!)).ShouldBe(successor["version"]!.GetValue<long>());

        await OkAsync(await PostAsync(Client, successor["id"]!, "kdmp", new JsonObject { ["desaCode"] = desa, ["markedOn"] = "2026-11-01" }, successor["version"]));
        (await CoveredAsync("2026-11-01")).ShouldBe(before);
    }

    [Fact]
    public async Task A_KDMP_merged_into_another_frees_its_desa_and_an_existing_KDMP_keeps_its_own()
    {
        // Given two KDMP of kecamatan Bangko, and a koperasi that is none
        var absorbed = await MarkedAsync("15.02.02.1011");
        var survivor = await MarkedAsync("15.02.02.1013");
        var newcomer = await Api.RegisterAsync(Client, InBangko(Api.Rat(2025, "2026-03-01")));

        // While both exist, the desa of each is taken
        using var taken = await PostAsync(Client, newcomer["id"]!, "kdmp", new JsonObject { ["desaCode"] = "15.02.02.1011", ["markedOn"] = "2026-11-01" }, newcomer["version"]);
        taken.StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // When the first is merged into the second
        var merger = Approvals.Merger(survivor, absorbed);
        await Bus.PublishAsync(merger, Guid.NewGuid());
        await Probe.WaitForAsync(Dissolved, About(absorbed));

        // Then the absorbed one's desa can have a new KDMP from the merger's effective date; the survivor's stays taken
        await OkAsync(await PostAsync(Client, newcomer["id"]!, "kdmp", new JsonObject { ["desaCode"] = "15.02.02.1011", ["markedOn"] = Approvals.EffectiveOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }));
        var other = await Api.RegisterAsync(Client, InBangko(Api.Rat(2025, "2026-03-01")));
        using var stillTaken = await PostAsync(Client, other["id"]!, "kdmp", new JsonObject { ["desaCode"] = "15.02.02.1013", ["markedOn"] = "2026-11-01" }, other["version"]);
        stillTaken.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Api.ProblemAsync(stillTaken))["rule"]!.GetValue<string>().ShouldBe("desa-already-has-kdmp");
    }
}

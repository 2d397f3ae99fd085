using System.Text.Json.Nodes;
using Koperasi.Testing;

namespace Koperasi.EndToEnd.Tests;

/// <summary>
/// A merger walked over HTTP through the Transformation service ends in the register: the absorbed
/// koperasi dissolved into the survivor, their members with it, and the statistics of both services.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class MergerTests(Platform platform)
{
    // Each scenario of the collection takes effect in a year of its own, so counts per day and year are its own.
    private static readonly Cases.Dates Dates = new(2025);

    [Fact]
    public async Task A_merger_completes_and_the_register_shows_the_absorbed_dissolved_into_the_survivor()
    {
        var tag = $"Gabung {Guid.NewGuid():N}"[..15];
        var registry = platform.RegistryClient;
        var transformation = platform.TransformationClient;
        var survivor = await Register.RegisterAsync(registry, Register.Koperasi($"Koperasi {tag} Induk", 60));
        var first = await Register.RegisterAsync(registry, Register.Koperasi($"Koperasi {tag} Satu", 40, regency: "1504"));
        var second = await Register.RegisterAsync(registry, Register.Koperasi($"Koperasi {tag} Dua", 25, regency: "1504"));
        await Cases.KnownAsync(transformation, (survivor, $"Koperasi {tag} Induk"), (first, $"Koperasi {tag} Satu"), (second, $"Koperasi {tag} Dua"));
        var proposal = new JsonObject { ["survivorId"] = survivor, ["absorbedIds"] = new JsonArray(first, second) };

        var deeded = await Cases.ToDeedAsync(transformation, "mergers", proposal, [survivor, first, second], Dates);
        var completed = await Cases.UntilStateAsync(transformation, await Cases.RatifyAsync(transformation, deeded, Dates), "completed");

        var completion = completed["completion"]!;
        (completion["resultingCooperativeId"]!.GetValue<Guid>(), completion["membersMoved"]!.GetValue<int>()).ShouldBe((survivor, 65));
        foreach (var absorbed in new[] { first, second })
        {
            var gone = await Register.ReadAsync(registry, absorbed);
            Api.Text(gone["legalStatus"]).ShouldBe("dissolved");
            var dissolution = gone["dissolution"]!;
            (Api.Text(dissolution["reason"]), dissolution["successorId"]!.GetValue<Guid>(), dissolution["caseId"]!.GetValue<Guid>(), dissolution["withoutLiquidation"]!.GetValue<bool>(), Api.Text(dissolution["effectiveOn"]))
                .ShouldBe(("merger", survivor, Api.Id(completed), true, Dates.RatifiedOn));
            (await Register.HistoryAsync(registry, absorbed))[^1].ShouldBe("cooperative-dissolved");
        }

        var continuing = await Register.ReadAsync(registry, survivor);
        (Api.Text(continuing["legalStatus"]), continuing["memberCount"]!.GetValue<int>()).ShouldBe(("existing", 125));
        continuing["mergers"]![0]!["absorbedIds"]!.AsArray().Select(i => i!.GetValue<Guid>()).ShouldBe([first, second]);
        (await Register.HistoryAsync(registry, survivor))[^1].ShouldBe("cooperative-merged");

        // Both absorbed koperasi of Batang Hari end on the day the merger took effect, and not before.
        await Eventually.UntilAsync(
            async () => await Register.CountAsync(registry, "1504", Dates.RatifiedOn) - await Register.CountAsync(registry, "1504", "2025-03-31") == -2,
            "the register's statistics to count the dissolutions");
        var year = await Api.UntilAsync(() => Cases.YearAsync(transformation, Dates.Year), y => y["mergers"]!.GetValue<int>() == 1, "the merger to be counted");
        (year["cooperativesAbsorbed"]!.GetValue<int>(), year["membersMoved"]!.GetValue<int>()).ShouldBe((2, 65));
        var standing = await Api.GetAsync(transformation, $"/api/transformation/cooperatives/{first}");
        standing["mayTakePart"]!.GetValue<bool>().ShouldBeFalse();
    }
}

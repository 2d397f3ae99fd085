using System.Text.Json.Nodes;

namespace Koperasi.EndToEnd.Tests;

/// <summary>An amalgamation walked over HTTP founds the new koperasi in the register and ends its participants.</summary>
[Collection(PlatformCollection.Name)]
public sealed class AmalgamationTests(Platform platform)
{
    private static readonly Cases.Dates Dates = new(2024);

    [Fact]
    public async Task An_amalgamation_completes_with_the_new_koperasi_founded_from_its_predecessors()
    {
        var tag = $"Lebur {Guid.NewGuid():N}"[..14];
        var registry = platform.RegistryClient;
        var transformation = platform.TransformationClient;
        var first = await Register.RegisterAsync(registry, Register.Koperasi($"Koperasi {tag} Satu", 30));
        var second = await Register.RegisterAsync(registry, Register.Koperasi($"Koperasi {tag} Dua", 45, regency: "1509"));
        await Cases.KnownAsync(transformation, (first, $"Koperasi {tag} Satu"), (second, $"Koperasi {tag} Dua"));
        var proposal = new JsonObject
        {
            ["participantIds"] = new JsonArray(first, second),
            ["newCooperative"] = new JsonObject
            {
                ["name"] = $"Koperasi {tag} Bersatu",
                ["form"] = "primer",
                ["type"] = "produsen",
                ["multiPihak"] = true,
                ["memberClasses"] = new JsonArray("petani", "pedagang"),
                ["supervisionLevel"] = "kabupaten-kota",
                ["domicile"] = new JsonObject { ["street"] = "Jl. Gatot Subroto 8", ["kecamatan"] = "Jambi Timur", ["regencyCode"] = "15.71" },
                ["businessField"] = "Pengolahan dan pemasaran hasil pertanian",
            },
        };

        var deeded = await Cases.ToDeedAsync(transformation, "amalgamations", proposal, [first, second], Dates);
        var completed = await Cases.UntilStateAsync(transformation, await Cases.RatifyAsync(transformation, deeded, Dates), "completed");

        var founded = completed["completion"]!["resultingCooperativeId"]!.GetValue<Guid>();
        var koperasi = await Register.ReadAsync(registry, founded);
        (Api.Text(koperasi["name"]), Api.Text(koperasi["legalStatus"]), koperasi["memberCount"]!.GetValue<int>(), koperasi["foundingCaseId"]!.GetValue<Guid>())
            .ShouldBe(($"Koperasi {tag} Bersatu", "existing", 75, Api.Id(completed)));
        koperasi["predecessorIds"]!.AsArray().Select(i => i!.GetValue<Guid>()).ShouldBe([first, second], ignoreOrder: true);
        Api.Text(koperasi["legalEntity"]!["decreeDate"]).ShouldBe(Dates.RatifiedOn);
        (await Register.HistoryAsync(registry, founded))[0].ShouldBe("cooperative-registered");
        foreach (var participant in new[] { first, second })
        {
            var gone = await Register.ReadAsync(registry, participant);
            (Api.Text(gone["legalStatus"]), Api.Text(gone["dissolution"]!["reason"]), gone["dissolution"]!["successorId"]!.GetValue<Guid>())
                .ShouldBe(("dissolved", "amalgamation", founded));
            (await Register.HistoryAsync(registry, participant))[^1].ShouldBe("cooperative-dissolved");
        }

        var year = await Api.UntilAsync(() => Cases.YearAsync(transformation, Dates.Year), y => y["amalgamations"]!.GetValue<int>() == 1, "the amalgamation to be counted");
        (year["cooperativesAbsorbed"]!.GetValue<int>(), year["membersMoved"]!.GetValue<int>()).ShouldBe((2, 75));
        // The Transformation service learned the new koperasi from the register, ready for a case of its own.
        await Cases.KnownAsync(transformation, (founded, $"Koperasi {tag} Bersatu"));
    }
}

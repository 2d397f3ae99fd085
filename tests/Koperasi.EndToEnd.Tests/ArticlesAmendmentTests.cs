using System.Text.Json.Nodes;

namespace Koperasi.EndToEnd.Tests;

/// <summary>A change of the articles walked over HTTP becomes the koperasi's next version of its articles.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ArticlesAmendmentTests(Platform platform)
{
    private static readonly Cases.Dates Dates = new(2026);

    [Fact]
    public async Task An_amendment_completes_as_a_new_version_and_the_earlier_one_stays_readable()
    {
        var tag = $"Ubah {Guid.NewGuid():N}"[..13];
        var registry = platform.RegistryClient;
        var transformation = platform.TransformationClient;
        var koperasi = await Register.RegisterAsync(registry, Register.Koperasi($"Koperasi {tag} Lama", 50));
        await Cases.KnownAsync(transformation, (koperasi, $"Koperasi {tag} Lama"));
        var proposal = new JsonObject
        {
            ["cooperativeId"] = koperasi,
            ["changes"] = new JsonObject { ["name"] = $"Koperasi {tag} Baru", ["businessField"] = "Simpan pinjam anggota dan toko" },
        };

        var deeded = await Cases.ToDeedAsync(transformation, "articles-amendments", proposal, [koperasi], Dates);
        await Cases.UntilStateAsync(transformation, await Cases.RatifyAsync(transformation, deeded, Dates), "completed");

        var read = await Register.ReadAsync(registry, koperasi);
        (Api.Text(read["name"]), Api.Text(read["businessField"]), read["articlesVersion"]!.GetValue<int>()).ShouldBe(($"Koperasi {tag} Baru", "Simpan pinjam anggota dan toko", 2));
        var articles = await Api.GetAsync(registry, $"{Register.Cooperatives}/{koperasi}/articles");
        var versions = articles["versions"]!.AsArray();
        versions.Select(v => (v!["number"]!.GetValue<int>(), Api.Text(v["name"]), Api.Text(v["businessField"]), Api.Text(v["effectiveOn"]))).ShouldBe(
        [
            (1, $"Koperasi {tag} Lama", "Warung serba ada", "2021-02-01"),
            (2, $"Koperasi {tag} Baru", "Simpan pinjam anggota dan toko", Dates.RatifiedOn),
        ]);
        versions[1]!["changed"]!.AsArray().Select(c => Api.Text(c)).ShouldBe(["name", "businessField"], ignoreOrder: true);
        (await Register.HistoryAsync(registry, koperasi))[^1].ShouldBe("articles-amended");
        await Api.UntilAsync(() => Cases.YearAsync(transformation, Dates.Year), y => y["articlesAmendments"]!.GetValue<int>() == 1, "the amendment to be counted");
        // The Transformation service learned the new name from the register.
        await Cases.KnownAsync(transformation, (koperasi, $"Koperasi {tag} Baru"));
    }
}

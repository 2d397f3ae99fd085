using System.Text.Json.Nodes;

namespace Koperasi.EndToEnd.Tests;

/// <summary>
/// The walkthroughs of the README and docs/ (<see cref="Walkthroughs"/>), pasted as written: each runs twice with bash against the platform
/// behind a real gateway (the second time finds what the first left, as a reader who tries again
/// does), must end with exit code 0, and leaves the state it promises.
/// </summary>
[Collection(ReadmePlatformCollection.Name)]
public sealed class WalkthroughTests(ReadmePlatform platform)
{
    [Fact]
    public async Task Every_walkthrough_stops_at_the_first_error_answer_and_shows_it()
    {
        // Behind a path the gateway does not serve, the first call (the token) answers 401 with a problem.
        var nowhere = new Uri(platform.GatewayAddress, "nowhere");
        foreach (var (name, _) in Walkthroughs.All())
        {
            var run = await Walkthroughs.RunAsync(name, nowhere);

            run.ExitCode.ShouldNotBe(0, $"{name}: {run}");
            run.Error.ShouldContain("answered 401", Case.Sensitive, $"{name}: {run}");
            run.Output.ShouldBeEmpty($"{name} went on after the error: {run}");
        }
    }

    [Fact]
    public async Task The_registration_walkthrough_changes_the_details_with_the_etag_it_was_answered()
    {
        await TwiceAsync("registry");

        var registered = await ReadAllAsync("/api/registry/cooperatives?q=Maju%20Bersama");
        registered.Count.ShouldBe(2);
        foreach (var koperasi in registered)
        {
            Api.Text(koperasi["contact"]!["email"]).ShouldBe("kantor@koperasi.example");
            (await Register.HistoryAsync(platform.RegistryClient, Api.Id(koperasi)))[^1].ShouldBe("cooperative-details-changed");
        }
    }

    [Fact]
    public async Task The_csv_import_walkthrough_imports_the_sample_once_and_follows_the_job_to_its_end()
    {
        await TwiceAsync("csv-import");

        var jobs = await Api.GetArrayAsync(platform.RegistryClient, "/api/registry/imports");
        jobs.Select(j => (Api.Text(j!["status"]), j["imported"]!.GetValue<int>(), j["alreadyRegistered"]!.GetValue<int>()))
            .ShouldBe([("completed", 0, 15), ("completed", 15, 0)]); // newest first
    }

    [Fact]
    public async Task The_merger_walkthrough_completes_a_merger_each_time()
    {
        await TwiceAsync("merger");

        (await CompletedAsync("merger")).ShouldBe(2);
        var dissolved = await ReadAllAsync("/api/registry/cooperatives?regency=1571&legalStatus=dissolved");
        dissolved.Select(k => Api.Text(k["dissolution"]!["reason"])).ShouldBe(["merger", "merger"]);
    }

    [Fact]
    public async Task The_amalgamation_walkthrough_founds_a_new_koperasi_each_time()
    {
        await TwiceAsync("amalgamation");

        (await CompletedAsync("amalgamation")).ShouldBe(2);
        var founded = await Api.GetAsync(platform.RegistryClient, "/api/registry/cooperatives?q=Tani%20Bersatu");
        founded["totalCount"]!.GetValue<long>().ShouldBe(2);
        var dissolved = await ReadAllAsync("/api/registry/cooperatives?regency=1572&legalStatus=dissolved");
        dissolved.Select(k => Api.Text(k["dissolution"]!["reason"])).ShouldBe(["amalgamation", "amalgamation", "amalgamation", "amalgamation"]);
    }

    [Fact]
    public async Task The_articles_amendment_walkthrough_adds_a_version_of_the_articles_each_time()
    {
        await TwiceAsync("articles-amendment");

        (await CompletedAsync("articles-amendment")).ShouldBe(2);
        var amended = await ReadAllAsync("/api/registry/cooperatives?regency=1505&type=jasa");
        amended.Select(k => (k["articlesVersion"]!.GetValue<int>(), Api.Text(k["businessField"]))).ShouldBe(
            [(2, "Jasa angkutan dan penyewaan alat pertanian"), (2, "Jasa angkutan dan penyewaan alat pertanian")]);
    }

    [Fact]
    public async Task The_dumisake_walkthrough_reuses_the_years_programme_and_closes_an_application_each_time()
    {
        await TwiceAsync("dumisake");

        var programmes = await Api.GetArrayAsync(platform.FundingClient, "/api/funding/programmes");
        programmes.Count.ShouldBe(1);
        programmes[0]!["decreed"]!["recipients"]!.GetValue<int>().ShouldBe(2);
        var closed = await Api.GetAsync(platform.FundingClient, "/api/funding/applications?status=closed");
        closed["totalCount"]!.GetValue<long>().ShouldBe(2);
    }

    [Fact]
    public async Task The_supervision_walkthrough_lets_the_pembina_of_Merangin_record_a_visit_each_time_and_the_province_read_its_lists()
    {
        var runs = new List<Walkthroughs.Run>();
        foreach (var time in new[] { "first", "second" })
        {
            var run = await Walkthroughs.RunAsync("supervision", platform.GatewayAddress);
            run.ExitCode.ShouldBe(0, $"the {time} run of the walkthrough 'supervision' failed:\n{run}");
            runs.Add(run);
        }

        // The first run finds no koperasi of the pembina's (no demo data) and assigns one; the second finds it.
        runs[0].Output.ShouldContain("pembina dev-pembina-1502 supervises 0 koperasi");
        runs[0].Output.ShouldContain("assigned it to dev-pembina-1502");
        runs[1].Output.ShouldContain("pembina dev-pembina-1502 supervises 1 koperasi");
        runs.ShouldAllBe(r => r.Output.Contains("early warning of dev-pembina-1502:") && r.Output.Contains("Merangin: 0 of 215 desa with a KDMP"));
        runs.ShouldAllBe(r => r.Output.Contains("without a flagship: Kerinci,"));

        // Both visits are the pembina's, each with its follow-up due 30 days after the visit: overdue 31 days on.
        var later = DateTime.UtcNow.AddHours(7).AddDays(31).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var overdue = await Api.GetAsync(platform.RegistryClient, $"/api/registry/supervision/overdue-follow-ups?pembinaUserId=dev-pembina-1502&on={later}");
        overdue["followUps"]!.AsArray().Select(f => Api.Text(f!["action"])).ShouldBe(
            ["Send the balance sheet of the last financial year", "Send the balance sheet of the last financial year"]);
        overdue["followUps"]!.AsArray().Select(f => Api.Text(f!["regencyCode"])).Distinct().ShouldBe(["1502"]);
    }

    private async Task TwiceAsync(string name)
    {
        foreach (var time in new[] { "first", "second" })
        {
            var run = await Walkthroughs.RunAsync(name, platform.GatewayAddress);
            run.ExitCode.ShouldBe(0, $"the {time} run of the walkthrough '{name}' failed:\n{run}");
        }
    }

    /// <summary>Every koperasi a Registry list shows, each as one read of it shows it.</summary>
    private async Task<List<JsonObject>> ReadAllAsync(string list)
    {
        var read = new List<JsonObject>();
        foreach (var item in (await Api.GetAsync(platform.RegistryClient, list))["items"]!.AsArray())
        {
            read.Add(await Register.ReadAsync(platform.RegistryClient, Api.Id(item)));
        }

        return read;
    }

    private async Task<long> CompletedAsync(string kind) =>
        (await Api.GetAsync(platform.TransformationClient, $"/api/transformation/cases?kind={kind}&state=completed"))["totalCount"]!.GetValue<long>();
}

namespace Koperasi.EndToEnd.Tests;

/// <summary>
/// The Registry and Transformation behind a Development gateway with the fake ministry, as
/// <c>./run.sh</c> runs them, on a platform of their own (the walkthrough moves their development
/// clocks months ahead, which no other test may see). It holds one koperasi of Batang Hari without a
/// RAT since its legal entity (2021), the candidate the walkthrough finds; the services' clocks start
/// at <see cref="Hosts.Now"/> (2026-11-22) and move only by the walkthrough's <c>POST /dev/clock</c>.
/// </summary>
public sealed class DissolutionWalkthroughPlatform() : DissolutionPlatform("dissolutionwalk")
{
    public Guid Candidate { get; private set; }

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        const string name = "Koperasi Walkthrough Bubar 1504";
        Candidate = await Register.RegisterAsync(Officer, Register.Koperasi(name, 40, regency: "1504", withRats: false));
        await Cases.KnownAsync(Officer, (Candidate, name));
    }
}

/// <summary>
/// The government-path dissolution walkthrough of docs/transformation.md, pasted as written and run
/// with bash against the gateway: from the candidate list through a batch, the fake ministry's answer
/// and the liquidation, with the development clock moved over the months, to a dissolved koperasi in
/// the register and its statistics.
/// </summary>
public sealed class DissolutionWalkthroughTests(DissolutionWalkthroughPlatform platform) : IClassFixture<DissolutionWalkthroughPlatform>
{
    [Fact]
    public async Task The_dissolution_walkthrough_walks_a_candidate_to_dissolved_in_the_register_and_its_statistics()
    {
        var gateway = platform.Officer.BaseAddress!;
        var run = await Walkthroughs.RunAsync("dissolution", gateway, TimeSpan.FromMinutes(3),
            new Dictionary<string, string> { ["KOPERASI_MINISTRY_URL"] = platform.Ministry.Address.ToString().TrimEnd('/') });

        run.ExitCode.ShouldBe(0, run.ToString());
        var lines = run.Output.Split('\n');
        lines.ShouldContain($"candidate {platform.Candidate}");
        lines.ShouldContain("the services' today: 2026-11-22");
        lines.ShouldContain("announcement: announced");
        lines.ShouldContain("ministry-notice: notice-issued");
        lines.ShouldContain("case: decided");
        lines.ShouldContain("reconciliation: \"proposed\":1 \"approved\":1 \"pending\":0");
        // The clock moved to the decree's day (notice + 2 months + 1 day), then past the 3 months of claims.
        lines.ShouldContain("the services' today: 2027-01-23");
        lines.ShouldContain("register: in-liquidation");
        lines.ShouldContain("the services' today: 2027-04-24");
        lines.ShouldContain("settlement: settled");
        lines.ShouldContain("extinction: dissolved");
        lines.ShouldContain("Batang Hari dissolved: 0 on 2027-04-23, 1 on 2027-04-24");
        run.Output.ShouldContain("register: dissolved, \"dissolution\":{");

        // What the walkthrough printed is what the services hold.
        var koperasi = await Register.ReadAsync(platform.Officer, platform.Candidate);
        (Api.Text(koperasi["legalStatus"]), Api.Text(koperasi["dissolution"]!["reason"]), Api.Text(koperasi["dissolution"]!["effectiveOn"]))
            .ShouldBe(("dissolved", "government", "2027-04-24"));
        platform.Ministry.Registry.Batches.Count.ShouldBe(1, "the batch was sent once");
        foreach (var service in new[] { "registry", "transformation" })
        {
            var clock = await Api.GetAsync(platform.Officer, $"/api/{service}/ops/clock");
            (Api.Text(clock["today"]), clock["offsetDays"]!.GetValue<int>()).ShouldBe(("2027-04-24", 153), $"{service} moved with the others");
        }
    }
}

using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Koperasi.ServiceDefaults.Regions;
using Koperasi.Testing;

namespace Koperasi.EndToEnd.Tests;

/// <summary>
/// The events suffice: the Node.js reference subscriber (samples/regency-activity-subscriber),
/// onboarded with deploy/subscriber.sh after the demo data set was loaded (the register of 29 August
/// 2025 and the 2018 dissolution batch, on the platform of <see cref="Demo2018BatchTests.FullDemo"/>,
/// loaded once for both classes), starts late with the replay to one subscriber and follows the live
/// flow while the register goes on: registrations, late RATs, a merger, an amalgamation and a
/// dissolution by the members' meeting to its end. From the Registry's events alone it keeps the count
/// of koperasi per regency and activity that the Registry's statistics give, cell by cell, on the
/// published dates, around each change and today. Every change takes effect after 29 August 2025, so
/// the published figures the other tests of the collection read are left as they were.
/// </summary>
[Collection(FullDemoCollection.Name)]
public sealed class ReferenceSubscriberTests(Demo2018BatchTests.FullDemo demo)
{
    private const string Dissolutions = "/api/transformation/dissolutions";
    private static readonly Cases.Dates CaseDates = new(2026);
    private static readonly string Today = $"{Hosts.Now:yyyy-MM-dd}";

    // The published snapshots, the 2018 batch (dissolved in 2019), the day before and the day of the
    // merger and amalgamation (1 April 2026), of the dissolution (10 June 2026), of the late RATs (20 August 2026), and today.
    private static readonly string[] Dates =
        ["2018-12-31", "2019-12-31", "2022-04-30", "2022-10-31", "2025-08-29", "2025-12-31", "2026-03-31", "2026-04-01", "2026-06-09", "2026-06-10", "2026-08-19", "2026-08-20", Today];

    [Fact]
    public async Task After_the_demo_load_and_a_stream_of_changes_the_late_subscriber_counts_as_the_registry_does_on_every_date()
    {
        var registry = demo.Registry;
        var transformation = demo.Transformation;
        await using var subscriber = await ReferenceSubscriber.StartAsync(demo.VirtualHost, demo.RegistryHost);

        // Registrations while the replay runs: legal entities from September to December 2025.
        var tag = $"{Guid.NewGuid():N}"[..8];
        var regencies = Regencies.All.Select(r => r.Code).ToArray();
        var ours = new List<(Guid Id, string Name)>();
        for (var i = 0; i < 24; i++)
        {
            var name = $"Koperasi Rujukan {tag} {(char)('A' + i)}";
            var body = Register.Koperasi(name, 30 + i, regencies[i % regencies.Length], withRats: false, decreeDate: $"2025-{9 + i % 4:D2}-{1 + i:D2}");
            ours.Add((await Register.RegisterAsync(registry, body), name));
        }

        // Late RATs: koperasi of the demo tidak aktif today report the RAT of 2025, held late on 20 August 2026.
        var inactive = (await Api.GetAsync(registry, $"{Register.Cooperatives}?activity=tidak-aktif&legalStatus=existing&pageSize=100"))["items"]!.AsArray();
        var reported = 0;
        foreach (var item in inactive)
        {
            var koperasi = await Register.ReadAsync(registry, Api.Id(item));
            if (Api.Text(koperasi["legalStatus"]) != "existing")
            {
                continue;
            }

            var rat = Register.Rat(2025, "2026-08-20", koperasi["memberCount"]!.GetValue<int>());
            await Api.SendAsync(registry, HttpMethod.Post, $"{Register.Cooperatives}/{Api.Id(item)}/rat-reports", rat, HttpStatusCode.Created, koperasi["version"]!.GetValue<long>());
            if (++reported == 12)
            {
                break;
            }
        }

        reported.ShouldBe(12);
        await Cases.KnownAsync(transformation, [.. ours.Take(6)]);

        // A merger: the first absorbs the second and third, effective 1 April 2026.
        var merger = new JsonObject { ["survivorId"] = ours[0].Id, ["absorbedIds"] = new JsonArray(ours[1].Id, ours[2].Id) };
        var merged = await Cases.ToDeedAsync(transformation, "mergers", merger, [ours[0].Id, ours[1].Id, ours[2].Id], CaseDates);
        await Cases.UntilStateAsync(transformation, await Cases.RatifyAsync(transformation, merged, CaseDates), "completed");

        // An amalgamation: the fourth and fifth end, a new koperasi of Bungo is founded on 1 April 2026.
        var amalgamation = new JsonObject
        {
            ["participantIds"] = new JsonArray(ours[3].Id, ours[4].Id),
            ["newCooperative"] = new JsonObject
            {
                ["name"] = $"Koperasi Rujukan {tag} Bersatu",
                ["form"] = "primer",
                ["type"] = "konsumen",
                ["supervisionLevel"] = "kabupaten-kota",
                ["domicile"] = new JsonObject { ["street"] = "Jl. Lintas Sumatera 3", ["kecamatan"] = Places.KecamatanOf("1509")[0].Name, ["regencyCode"] = "1509" },
                ["businessField"] = "Warung serba ada",
            },
        };
        var amalgamated = await Cases.ToDeedAsync(transformation, "amalgamations", amalgamation, [ours[3].Id, ours[4].Id], CaseDates);
        var founded = (await Cases.UntilStateAsync(transformation, await Cases.RatifyAsync(transformation, amalgamated, CaseDates), "completed"))["completion"]!["resultingCooperativeId"]!.GetValue<Guid>();

        // A dissolution by the members' meeting of the sixth, to the end of its legal entity on 10 June 2026.
        await DissolveByMembersAsync(transformation, ours[5].Id, 35);

        foreach (var gone in new[] { ours[1].Id, ours[2].Id, ours[3].Id, ours[4].Id, ours[5].Id })
        {
            await Api.UntilAsync(() => Register.ReadAsync(registry, gone), k => Api.Text(k["legalStatus"]) == "dissolved", "the register to record the dissolution");
        }

        (await Register.ReadAsync(registry, founded))["predecessorIds"]!.AsArray().Count.ShouldBe(2);

        // Both sides are eventually consistent: wait until they agree on every date, then compare cell by cell.
        await AgreedOrTimedOutAsync(() => Eventually.UntilAsync(
            async () =>
            {
                if ((await subscriber.StatusAsync())["replay"]?["status"]?.GetValue<string>() != "completed")
                {
                    return false;
                }

                foreach (var date in Dates)
                {
                    if (!(await ReferenceSubscriber.RegistryTableAsync(registry, date)).SetEquals(await subscriber.TableAsync(date)))
                    {
                        return false;
                    }
                }

                return true;
            },
            "the subscriber's table to equal the Registry's statistics on every date",
            TimeSpan.FromMinutes(4)));
        var status = await subscriber.StatusAsync();
        TestContext.Current.TestOutputHelper?.WriteLine($"The subscriber's status: {status.ToJsonString()}");
        status["replay"]!["status"]!.GetValue<string>().ShouldBe("completed", status.ToJsonString());

        foreach (var date in Dates)
        {
            var expected = await ReferenceSubscriber.RegistryTableAsync(registry, date);
            (await subscriber.TableAsync(date)).OrderBy(c => c, StringComparer.Ordinal).ShouldBe(expected.OrderBy(c => c, StringComparer.Ordinal), $"on {date}");
        }

        // It kept every koperasi of the demo and of this test; the dates tell the changes apart.
        status["cooperatives"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(demo.Registered + ours.Count + 1);
        (await Total(registry, "2018-12-31")).ShouldBeGreaterThan(await Total(registry, "2019-12-31"), "the 2018 batch dissolved in 2019");
        (await Total(registry, "2026-04-01")).ShouldBe(await Total(registry, "2026-03-31") - 3, "the merger ends two, the amalgamation two and founds one");
        (await Total(registry, "2026-06-10")).ShouldBe(await Total(registry, "2026-06-09") - 1, "the dissolution");
        (await ReferenceSubscriber.RegistryTableAsync(registry, "2026-08-20")).SetEquals(await ReferenceSubscriber.RegistryTableAsync(registry, "2026-08-19")).ShouldBeFalse("the late RATs");
    }

    /// <summary>The members' path, dated from February to June 2026: proposed by the supervisory board, decided by a quorate meeting, liquidated, extinguished.</summary>
    private static async Task DissolveByMembersAsync(HttpClient transformation, Guid cooperative, int members)
    {
        var current = await Api.SendAsync(transformation, HttpMethod.Post, $"{Dissolutions}/members-meeting", new JsonObject
        {
            ["cooperativeId"] = cooperative, ["proposer"] = "supervisory-board", ["proposedOn"] = "2026-02-02",
        }, HttpStatusCode.Created);
        current = await StepAsync(transformation, current, "meeting-invitation", new JsonObject { ["sentOn"] = "2026-02-03", ["meetingOn"] = "2026-02-20" });
        current = await StepAsync(transformation, current, "meeting", new JsonObject
        {
            ["cooperativeId"] = cooperative, ["heldOn"] = "2026-02-20", ["membersPresent"] = members - 2, ["membersTotal"] = members, ["votesFor"] = members - 6, ["votesAgainst"] = 2,
        });
        Api.Text(current["stage"]).ShouldBe("decided");
        current = await StepAsync(transformation, current, "liquidation-team", new JsonObject { ["members"] = new JsonArray("Drs. Ahmad Yani"), ["namedOn"] = "2026-02-25" });
        current = await StepAsync(transformation, current, "creditors", new JsonObject { ["name"] = "Bank Jambi Cabang Sengeti", ["recordedOn"] = "2026-02-26" });
        current = await StepAsync(transformation, current, "creditor-notifications", new JsonObject
        {
            ["creditorId"] = current["creditors"]![0]!["creditorId"]!.DeepClone(), ["notifiedOn"] = "2026-02-27",
        });
        current = await StepAsync(transformation, current, "settlement", new JsonObject { ["settledOn"] = "2026-06-01" });
        current = await StepAsync(transformation, current, "extinction", new JsonObject { ["effectiveOn"] = "2026-06-10" });
        Api.Text(current["stage"]).ShouldBe("dissolved");
    }

    private static Task<JsonObject> StepAsync(HttpClient client, JsonObject @case, string step, JsonObject body) =>
        Api.SendAsync(client, HttpMethod.Post, $"{Dissolutions}/{Api.Id(@case)}/{step}", body, ifMatch: @case["version"]!.GetValue<long>());

    private static async Task<long> Total(HttpClient registry, string date) =>
        (await Api.GetAsync(registry, $"/api/registry/statistics?asOf={date}"))["total"]!.GetValue<long>();

    /// <summary>Waits for agreement; on a timeout the comparison below says on which date and in which cells they differ.</summary>
    private static async Task AgreedOrTimedOutAsync(Func<Task> wait)
    {
        try
        {
            await wait();
        }
        catch (TimeoutException)
        {
        }
    }
}

/// <summary>The reference subscriber's own unit tests (node --test: its rules on business dates, the dedupe, a restart) run with the suite.</summary>
public sealed class ReferenceSubscriberUnitTests
{
    [Fact]
    public async Task The_subscribers_unit_tests_pass()
    {
        var root = SourceTree.Root;

        Process node;
        try
        {
            node = Process.Start(new ProcessStartInfo("node", ["--test"])
            {
                WorkingDirectory = Path.Combine(root, "samples", "regency-activity-subscriber"),
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
        }
        catch (System.ComponentModel.Win32Exception) when (!OpenApiLint.Required)
        {
            Assert.Skip("node is not installed.");
            return;
        }

        using (node)
        {
            var output = await node.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            await node.WaitForExitAsync(TestContext.Current.CancellationToken);
            node.ExitCode.ShouldBe(0, output);
            output.ShouldContain("# fail 0");
        }
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koperasi.Funding.Applications;
using Koperasi.ServiceDefaults.Identity;
using Koperasi.Testing;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Koperasi.Funding.Tests.Http;

/// <summary>
/// Many officers decree at the same moment against a budget (or a quota) that funds exactly N
/// grants. Each officer would retry its batch if it lost a race (409 concurrency-conflict) and
/// stops when it is decreed or refused for the budget or quota. However the races fall, exactly N
/// are decreed, never more, in every round; and since batches on one programme wait for each other
/// on its stream (ADR 0029), none loses a race.
/// </summary>
public class DecreeConcurrencyTests(FundingHost funding) : IClassFixture<FundingHost>
{
    private const int Rounds = 12;
    private const int Funded = 5;
    private const int Officers = 9;
    private const decimal Grant = 20_000_000;

    private readonly HttpClient _admin = funding.CreateClient();
    private int _racesLost;

    [Fact]
    public async Task A_budget_that_funds_exactly_N_grants_gets_exactly_N_however_many_decide_at_once()
    {
        for (var round = 0; round < Rounds; round++)
        {
            var programmeId = Api.Id(await Api.OpenProgrammeAsync(_admin, Api.Programme(budget: Funded * Grant)));
            var applications = await Seed.EligibleAsync(funding.Services, programmeId, Officers);

            var answers = new System.Collections.Concurrent.ConcurrentBag<(long Version, decimal AlreadyDecreed, decimal Remaining)>();
            var outcomes = await DecreeAtOnceAsync(programmeId, applications, answers);

            outcomes.Count(o => o == "decreed").ShouldBe(Funded, $"round {round}: {string.Join(", ", outcomes)}");
            outcomes.Count(o => o == "budget-exceeded").ShouldBe(Officers - Funded, $"round {round}");
            await ShouldHoldExactlyAsync(programmeId, Funded, Funded * Grant);

            // Each answer is its own batch's, however the batches were grouped: the programme opened at
            // version 1, so the k-th batch's ETag is 1 + k and the budget after it has k grants decreed.
            answers.Select(a => a.Version).Order().ToList().ShouldBe([.. Enumerable.Range(2, Funded).Select(v => (long)v)], $"round {round}");
            answers.ShouldAllBe(a => a.AlreadyDecreed == (a.Version - 1) * Grant && a.Remaining == (Funded - (a.Version - 1)) * Grant);
        }

        // Batches decided at once wait for each other on the programme: none is refused for a race.
        _racesLost.ShouldBe(0);
    }

    [Fact]
    public async Task A_regency_quota_of_N_gets_exactly_N_and_other_regencies_are_not_held_back()
    {
        for (var round = 0; round < Rounds / 2; round++)
        {
            var programmeId = Api.Id(await Api.OpenProgrammeAsync(_admin, Api.Programme(quotas: new JsonObject { ["1503"] = Funded })));
            var sarolangun = await Seed.EligibleAsync(funding.Services, programmeId, Officers, "1503");
            var kotaJambi = await Seed.EligibleAsync(funding.Services, programmeId, 3, "1571");

            var outcomes = await DecreeAtOnceAsync(programmeId, [.. sarolangun, .. kotaJambi]);

            outcomes.Count(o => o == "decreed").ShouldBe(Funded + 3, $"round {round}: {string.Join(", ", outcomes)}");
            outcomes.Count(o => o == "regency-quota-exceeded").ShouldBe(Officers - Funded, $"round {round}");
            var programme = await Api.GetAsync(_admin, $"/api/funding/programmes/{programmeId}");
            (programme["decreed"]!["byRegency"]!["1503"]!.GetValue<int>(), programme["decreed"]!["byRegency"]!["1571"]!.GetValue<int>()).ShouldBe((Funded, 3));
        }

        _racesLost.ShouldBe(0);
    }

    [Fact]
    public async Task An_ETag_that_only_other_batches_have_passed_decrees_but_one_from_before_a_change_of_the_programme_answers_409()
    {
        var programmeId = Api.Id(await Api.OpenProgrammeAsync(_admin));
        var applications = await Seed.EligibleAsync(funding.Services, programmeId, 4);
        var url = $"/api/funding/programmes/{programmeId}/decree-batches";

        // Version 2: the budget changed after the officer's first read (version 1).
        using (var change = new HttpRequestMessage(HttpMethod.Patch, $"/api/funding/programmes/{programmeId}") { Content = JsonContent.Create(new JsonObject { ["budget"] = 2_000_000_000 }) })
        {
            change.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
            using var changed = await _admin.SendAsync(change);
            changed.Headers.ETag!.Tag.ShouldBe("\"2\"");
        }

        using (var stale = await IfMatch.PostAsync(_admin, url, Api.Batch(applications[0].ToString()), version: 1))
        {
            stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            (await Api.ProblemAsync(stale))["rule"]!.GetValue<string>().ShouldBe("concurrency-conflict");
        }

        // Two officers read version 2; the second decides after the first's batch (version 3).
        using (var first = await IfMatch.PostAsync(_admin, url, Api.Batch(applications[0].ToString()), version: 2))
        {
            first.StatusCode.ShouldBe(HttpStatusCode.Created);
            first.Headers.ETag!.Tag.ShouldBe("\"3\"");
        }

        using (var second = await IfMatch.PostAsync(_admin, url, Api.Batch(applications[1].ToString()), version: 2))
        {
            second.StatusCode.ShouldBe(HttpStatusCode.Created, await second.Content.ReadAsStringAsync());
            second.Headers.ETag!.Tag.ShouldBe("\"4\"");
            (await second.Content.ReadFromJsonAsync<JsonObject>())!["budget"]!["alreadyDecreed"]!.GetValue<decimal>().ShouldBe(2 * Grant);
        }

        // Still from before the change, and a version the programme never had: both 409, nothing decreed.
        foreach (var version in new long[] { 1, 5 })
        {
            using var refused = await IfMatch.PostAsync(_admin, url, Api.Batch(applications[2].ToString()), version);
            refused.StatusCode.ShouldBe(HttpStatusCode.Conflict, $"If-Match {version}");
        }

        await ShouldHoldExactlyAsync(programmeId, 2, 2 * Grant);
    }

    [Fact]
    public async Task Batches_decided_at_once_with_one_decree_number_or_one_application_decree_once_and_refuse_the_rest_alone()
    {
        for (var round = 0; round < Rounds / 2; round++)
        {
            var programmeId = Api.Id(await Api.OpenProgrammeAsync(_admin));
            var applications = await Seed.EligibleAsync(funding.Services, programmeId, Officers);
            // Three officers give the same decree number, three others name the same application; the rest are fine.
            var sameNumber = $"188.4/{Guid.NewGuid():N}/KPTS/DISKOP";
            var batches = applications.Select((a, i) => i switch
            {
                < 3 => Numbered(Api.Batch(a.ToString()), i == 1 ? sameNumber.ToLowerInvariant() : sameNumber),
                < 6 => Api.Batch(applications[3].ToString()),
                _ => Api.Batch(a.ToString()),
            }).ToList();

            var outcomes = await DecreeAtOnceAsync(programmeId, applications, batches: batches);

            outcomes.Take(3).Count(o => o == "decreed").ShouldBe(1, $"round {round}: {string.Join(", ", outcomes)}");
            outcomes.Take(3).Count(o => o == "decree-number-already-used").ShouldBe(2, $"round {round}");
            outcomes.Skip(3).Take(3).Count(o => o == "decreed").ShouldBe(1, $"round {round}: {string.Join(", ", outcomes)}");
            outcomes.Skip(6).ShouldAllBe(o => o == "decreed", $"round {round}: a refused batch leaves the others of its group decreed");
            await ShouldHoldExactlyAsync(programmeId, Officers - 4, (Officers - 4) * Grant);
        }

        _racesLost.ShouldBe(0);
    }

    [Fact]
    public async Task A_decreed_application_s_document_holds_its_stream_version_which_a_group_appends_at()
    {
        var programmeId = Api.Id(await Api.OpenProgrammeAsync(_admin));
        var application = (await Seed.EligibleAsync(funding.Services, programmeId, 1))[0];
        using (var decreed = await IfMatch.PostAsync(_admin, $"/api/funding/programmes/{programmeId}/decree-batches", Api.Batch(application.ToString())))
        {
            decreed.StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        await using var session = funding.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var state = await session.Events.FetchStreamStateAsync(application);
        (await session.LoadAsync<Application>(application))!.Version.ShouldBe(state!.Version);
    }

    private static JsonObject Numbered(JsonObject batch, string number)
    {
        batch["decreeNumber"] = number;
        return batch;
    }

    /// <summary>
    /// Each officer decrees its own batch (one application each, or the batches given), all released
    /// together, retrying lost races; each 201's ETag and budget figures go to <paramref name="answers"/>.
    /// </summary>
    private async Task<string[]> DecreeAtOnceAsync(
        string programmeId, IReadOnlyList<Guid> applications,
        System.Collections.Concurrent.ConcurrentBag<(long Version, decimal AlreadyDecreed, decimal Remaining)>? answers = null,
        IReadOnlyList<JsonObject>? batches = null)
    {
        using var start = new SemaphoreSlim(0);
        var bodies = batches ?? [.. applications.Select(a => Api.Batch(a.ToString()))];
        var officers = bodies.Select(async (body, i) =>
        {
            var client = funding.CreateClientAs(i % 2 == 0 ? KoperasiRoles.Verifikator : KoperasiRoles.AdminProvinsi);
            await start.WaitAsync();
            for (var attempt = 0; attempt < 200; attempt++)
            {
                using var response = await IfMatch.PostAsync(client, $"/api/funding/programmes/{programmeId}/decree-batches", body.DeepClone());
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    var budget = (await response.Content.ReadFromJsonAsync<JsonObject>())!["budget"]!;
                    answers?.Add((long.Parse(response.Headers.ETag!.Tag.Trim('"'), System.Globalization.CultureInfo.InvariantCulture),
                        budget["alreadyDecreed"]!.GetValue<decimal>(), budget["remaining"]!.GetValue<decimal>()));
                    return "decreed";
                }

                var rule = (await Api.ProblemAsync(response))["rule"]!.GetValue<string>();
                if (rule != "concurrency-conflict")
                {
                    return rule;
                }

                Interlocked.Increment(ref _racesLost);
            }

            return "gave-up";
        }).ToList();
        start.Release(bodies.Count);
        return await Task.WhenAll(officers);
    }

    /// <summary>The programme, the applications and the event store all say the same: N grants, their amount.</summary>
    private async Task ShouldHoldExactlyAsync(string programmeId, int grants, decimal amount)
    {
        var programme = await Api.GetAsync(_admin, $"/api/funding/programmes/{programmeId}");
        (programme["decreed"]!["recipients"]!.GetValue<int>(), programme["decreed"]!["amount"]!.GetValue<decimal>()).ShouldBe((grants, amount));
        (await Api.GetAsync(_admin, $"/api/funding/programmes/{programmeId}/decree-batches"))["totalCount"]!.GetValue<long>().ShouldBe(grants);

        await using var session = funding.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var id = Guid.Parse(programmeId);
        (await session.Query<Application>().CountAsync(a => a.ProgrammeId == id && a.Status == ApplicationStatus.Decreed)).ShouldBe(grants);
        var ofProgramme = (await session.Query<Application>().Where(a => a.ProgrammeId == id).Select(a => a.Id).ToListAsync()).ToHashSet();
        var decreedEvents = (await session.Events.QueryAllRawEvents().Where(e => e.EventTypeName == "grant-decreed").ToListAsync())
            .Select(e => (GrantAwarded)e.Data).Where(e => ofProgramme.Contains(e.ApplicationId)).ToList();
        decreedEvents.Count.ShouldBe(grants);
        decreedEvents.Sum(e => e.Amount).ShouldBe(amount);
    }
}

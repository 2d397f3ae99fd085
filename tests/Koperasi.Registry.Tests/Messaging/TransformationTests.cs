using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koperasi.Contracts.Registry;
using Koperasi.Contracts.Transformation;
using Koperasi.Testing;

namespace Koperasi.Registry.Tests.Messaging;

/// <summary>
/// Approved transformations published into the Registry's bus are applied to the register and
/// answered with the documented contracts, read by a downstream probe; refusals and duplicates
/// change nothing.
/// </summary>
public sealed class TransformationTests : IAsyncLifetime
{
    private const string Dissolved = "koperasi:registry:cooperative-dissolved:v1";
    private const string Merged = "koperasi:registry:cooperative-merged:v1";
    private const string Registered = "koperasi:registry:cooperative-registered:v1";
    private const string Amended = "koperasi:registry:cooperative-amended:v1";
    private const string NotApplied = "koperasi:registry:transformation-not-applied:v1";

    private readonly IsolatedRegistryHost _registry = new("transformations", new DateTimeOffset(2026, 11, 22, 3, 0, 0, TimeSpan.Zero));
    private BrokerProbe _probe = null!;
    private TransformationBus _bus = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _probe = await BrokerProbe.SubscribeAsync(_registry.EntityPrefix, Dissolved, Merged, Registered, Amended, NotApplied);
        await _registry.InitializeAsync();
        _client = _registry.CreateClient();
        _bus = await TransformationBus.ConnectAsync(_registry.Services);
    }

    public async ValueTask DisposeAsync()
    {
        await _probe.DisposeAsync();
        await _registry.DisposeAsync();
    }

    private async Task<Guid> RegisterAsync(string name, string regency = "1571")
    {
        var registered = await Api.RegisterAsync(_client, Api.Registration(name, regency));
        return registered["id"]!.GetValue<Guid>();
    }

    private Task<JsonObject> ReadAsync(Guid id, string part = "") => Api.GetAsync(_client, $"/api/registry/cooperatives/{id}{part}");

    private async Task<JsonArray> HistoryAsync(Guid id)
    {
        using var response = await _client.GetAsync(new Uri($"/api/registry/cooperatives/{id}/history", UriKind.Relative));
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
    }

    private static Func<System.Text.Json.JsonElement, bool> About(Guid cooperativeId) => m => m.GetProperty("cooperativeId").GetGuid() == cooperativeId;

    private static Func<System.Text.Json.JsonElement, bool> OfCase(Guid caseId) => m => m.GetProperty("caseId").GetGuid() == caseId;

    [Fact]
    public async Task A_merger_dissolves_the_absorbed_into_the_survivor_and_answers_with_the_merger()
    {
        var tag = $"Merger{Guid.NewGuid():N}"[..14];
        var survivor = await RegisterAsync($"Koperasi {tag} A");
        var first = await RegisterAsync($"Koperasi {tag} B");
        var second = await RegisterAsync($"Koperasi {tag} C", regency: "1501");
        var merger = Approvals.Merger(survivor, first, second);

        await _bus.PublishAsync(merger, Guid.NewGuid());

        var merged = (await _probe.WaitForAsync(Merged, OfCase(merger.CaseId))).As<CooperativeMerged>();
        (merged.CooperativeId, merged.MembersMoved, merged.MemberCount, merged.EffectiveOn).ShouldBe((survivor, 70, 105, Approvals.EffectiveOn));
        merged.AbsorbedIds.ShouldBe([first, second]);
        foreach (var absorbed in new[] { first, second })
        {
            var dissolved = (await _probe.WaitForAsync(Dissolved, About(absorbed))).As<CooperativeDissolved>();
            (dissolved.Reason, dissolved.SuccessorId, dissolved.CaseId, dissolved.WithoutLiquidation, dissolved.EffectiveOn)
                .ShouldBe(("merger", (Guid?)survivor, (Guid?)merger.CaseId, true, Approvals.EffectiveOn));
        }

        var gone = await ReadAsync(first);
        gone["legalStatus"]!.GetValue<string>().ShouldBe("dissolved");
        gone["dissolution"]!["reason"]!.GetValue<string>().ShouldBe("merger");
        gone["dissolution"]!["successorId"]!.GetValue<Guid>().ShouldBe(survivor);
        gone["dissolution"]!["withoutLiquidation"]!.GetValue<bool>().ShouldBeTrue();
        var continuing = await ReadAsync(survivor);
        continuing["legalStatus"]!.GetValue<string>().ShouldBe("existing");
        continuing["memberCount"]!.GetValue<int>().ShouldBe(105);
        continuing["mergers"]![0]!["absorbedIds"]!.AsArray().Select(i => i!.GetValue<Guid>()).ShouldBe([first, second]);

        var dissolvedEntry = (await HistoryAsync(first))[^1]!;
        dissolvedEntry["type"]!.GetValue<string>().ShouldBe("cooperative-dissolved");
        dissolvedEntry["data"]!["successorId"]!.GetValue<Guid>().ShouldBe(survivor);
        dissolvedEntry["actor"]!.GetValue<string>().ShouldBe("service:ApplyMerger");
        var mergedEntry = (await HistoryAsync(survivor))[^1]!;
        mergedEntry["type"]!.GetValue<string>().ShouldBe("cooperative-merged");
        mergedEntry["data"]!["absorbedIds"]!.AsArray().Select(i => i!.GetValue<Guid>()).ShouldBe([first, second]);

        async Task<string[]> Names(string filter) =>
            [.. (await Api.GetAsync(_client, $"/api/registry/cooperatives?q={tag}{filter}"))["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>())];
        (await Names("&legalStatus=dissolved")).ShouldBe([$"Koperasi {tag} B", $"Koperasi {tag} C"]);
        (await Names("&legalStatus=existing")).ShouldBe([$"Koperasi {tag} A"]);
        (await Names("")).Length.ShouldBe(3);
    }

    [Fact]
    public async Task A_dissolved_koperasi_refuses_RAT_reports_and_detail_changes_with_409()
    {
        var survivor = await RegisterAsync($"Koperasi Tetap {Guid.NewGuid():N}");
        var absorbed = await RegisterAsync($"Koperasi Lebur {Guid.NewGuid():N}");
        await _bus.PublishAsync(Approvals.Merger(survivor, absorbed), Guid.NewGuid());
        await _probe.WaitForAsync(Dissolved, About(absorbed));
        var version = (await ReadAsync(absorbed))["version"]!.GetValue<long>();

        using var rat = await _client.PostAsJsonAsync($"/api/registry/cooperatives/{absorbed}/rat-reports", Api.Rat(2025, "2026-03-02"));
        using var patch = new HttpRequestMessage(HttpMethod.Patch, $"/api/registry/cooperatives/{absorbed}")
        {
            Content = JsonContent.Create(new JsonObject { ["contact"] = new JsonObject { ["phone"] = "0741123456" } }),
        };
        patch.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{version}\""));
        using var patched = await _client.SendAsync(patch);

        foreach (var response in new[] { rat, patched })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            (await Api.ProblemAsync(response))["type"]!.GetValue<string>().ShouldBe("urn:koperasi:problem:cooperative-dissolved");
        }

        (await ReadAsync(absorbed))["version"]!.GetValue<long>().ShouldBe(version);
    }

    [Fact]
    public async Task A_merger_delivered_twice_changes_the_register_once()
    {
        var survivor = await RegisterAsync($"Koperasi Tetap {Guid.NewGuid():N}");
        var absorbed = await RegisterAsync($"Koperasi Lebur {Guid.NewGuid():N}");
        var merger = Approvals.Merger(survivor, absorbed);
        var messageId = Guid.NewGuid();
        await _bus.PublishAsync(merger, messageId);
        await _probe.WaitForAsync(Merged, OfCase(merger.CaseId));
        await _bus.ConsumedAsync(messageId, 1);
        var before = (await ReadAsync(survivor))["version"]!.GetValue<long>();

        await _bus.PublishAsync(merger, messageId);
        await _bus.ConsumedAsync(messageId, 2);

        var after = await ReadAsync(survivor);
        after["version"]!.GetValue<long>().ShouldBe(before);
        after["memberCount"]!.GetValue<int>().ShouldBe(70);
        (await HistoryAsync(survivor)).Count(e => e!["type"]!.GetValue<string>() == "cooperative-merged").ShouldBe(1);
        (await HistoryAsync(absorbed)).Count(e => e!["type"]!.GetValue<string>() == "cooperative-dissolved").ShouldBe(1);
    }

    [Fact]
    public async Task A_merger_naming_an_unknown_koperasi_is_answered_not_applied_once_and_changes_nothing()
    {
        var survivor = await RegisterAsync($"Koperasi Tetap {Guid.NewGuid():N}");
        var absorbed = await RegisterAsync($"Koperasi Lebur {Guid.NewGuid():N}");
        var stranger = Guid.NewGuid();
        var merger = Approvals.Merger(survivor, absorbed, stranger);
        var messageId = Guid.NewGuid();
        var versions = (await ReadAsync(survivor))["version"]!.GetValue<long>() + (await ReadAsync(absorbed))["version"]!.GetValue<long>();

        await _bus.PublishAsync(merger, messageId);
        var answer = await _probe.WaitForAsync(NotApplied, OfCase(merger.CaseId));
        await _bus.PublishAsync(merger, messageId);
        await _bus.ConsumedAsync(messageId, 2);

        var refusal = answer.As<TransformationNotApplied>();
        (refusal.Rule, refusal.StreamVersion).ShouldBe(("cooperative-not-registered", 0L));
        refusal.Reason.ShouldContain(stranger.ToString());
        (await ReadAsync(absorbed))["legalStatus"]!.GetValue<string>().ShouldBe("existing");
        ((await ReadAsync(survivor))["version"]!.GetValue<long>() + (await ReadAsync(absorbed))["version"]!.GetValue<long>()).ShouldBe(versions);
        await _probe.DrainAsync();
        _probe.Received.Count(m => m.MessageTypes.Contains("urn:message:" + NotApplied) && OfCase(merger.CaseId)(m.Message)).ShouldBe(1);
    }

    [Fact]
    public async Task An_amalgamation_founds_the_new_koperasi_linked_to_its_predecessors_and_ends_the_participants()
    {
        var first = await RegisterAsync($"Koperasi Peserta {Guid.NewGuid():N}");
        var second = await RegisterAsync($"Koperasi Peserta {Guid.NewGuid():N}", regency: "1505");
        var newId = Guid.CreateVersion7();
        var amalgamation = Approvals.Amalgamation(newId, Approvals.Ratification(), first, second);

        await _bus.PublishAsync(amalgamation, Guid.NewGuid());

        var registered = (await _probe.WaitForAsync(Registered, About(newId))).As<CooperativeRegistered>();
        registered.PredecessorIds.ShouldBe([first, second]);
        registered.CaseId.ShouldBe(amalgamation.CaseId);
        (registered.DecreeNumber, registered.DecreeDate, registered.MemberCount).ShouldBe((amalgamation.Ratification.DecreeNumber, Approvals.EffectiveOn, 70));
        (registered.Type, registered.Address.RegencyCode).ShouldBe(("produsen", "1571"));
        foreach (var participant in new[] { first, second })
        {
            var dissolved = (await _probe.WaitForAsync(Dissolved, About(participant))).As<CooperativeDissolved>();
            (dissolved.Reason, dissolved.SuccessorId, dissolved.CaseId).ShouldBe(("amalgamation", (Guid?)newId, (Guid?)amalgamation.CaseId));
            (await ReadAsync(participant))["dissolution"]!["successorId"]!.GetValue<Guid>().ShouldBe(newId);
        }

        var founded = await ReadAsync(newId);
        founded["predecessorIds"]!.AsArray().Select(i => i!.GetValue<Guid>()).ShouldBe([first, second]);
        founded["foundingCaseId"]!.GetValue<Guid>().ShouldBe(amalgamation.CaseId);
        (founded["foundingMembers"]!.GetValue<int>(), founded["memberCount"]!.GetValue<int>()).ShouldBe((70, 70));
        founded["deed"]!["number"]!.GetValue<string>().ShouldBe("14");
        var articles = await ReadAsync(newId, "/articles");
        articles["versions"]!.AsArray().ShouldHaveSingleItem()!["caseId"]!.GetValue<Guid>().ShouldBe(amalgamation.CaseId);
        (await HistoryAsync(newId))[0]!["data"]!["predecessorIds"]!.AsArray().Count.ShouldBe(2);
    }

    [Fact]
    public async Task An_amalgamation_whose_decree_number_is_registered_already_is_not_applied()
    {
        var holder = await Api.RegisterAsync(_client, Api.Registration());
        var first = await RegisterAsync($"Koperasi Peserta {Guid.NewGuid():N}");
        var second = await RegisterAsync($"Koperasi Peserta {Guid.NewGuid():N}");
        var newId = Guid.CreateVersion7();
        var taken = new Ratification(holder["legalEntity"]!["decreeNumber"]!.GetValue<string>().ToLowerInvariant(), Approvals.EffectiveOn);
        var amalgamation = Approvals.Amalgamation(newId, taken, first, second);

        await _bus.PublishAsync(amalgamation, Guid.NewGuid());

        (await _probe.WaitForAsync(NotApplied, OfCase(amalgamation.CaseId))).As<TransformationNotApplied>().Rule.ShouldBe("decree-number-already-registered");
        (await ReadAsync(first))["legalStatus"]!.GetValue<string>().ShouldBe("existing");
        (await ReadAsync(second))["version"]!.GetValue<long>().ShouldBe(1);
        using var missing = await _client.GetAsync(new Uri($"/api/registry/cooperatives/{newId}", UriKind.Relative));
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_articles_amendment_becomes_the_next_version_and_the_earlier_stays_readable()
    {
        var original = $"Koperasi Konsumen {Guid.NewGuid():N}";
        var id = await RegisterAsync(original);
        var changes = new ArticlesChanges(
            "Koperasi Jasa Sejahtera", new Domicile("Jl. Diponegoro 3", "Sitinjau Laut", "15.01", null, null), "jasa", null, null, "Jasa angkutan", null);
        var amendment = Approvals.Amendment(id, changes);

        await _bus.PublishAsync(amendment, Guid.NewGuid());

        var amended = (await _probe.WaitForAsync(Amended, OfCase(amendment.CaseId))).As<CooperativeAmended>();
        (amended.CooperativeId, amended.ArticlesVersion, amended.EffectiveOn, amended.Name, amended.Type).ShouldBe((id, 2, Approvals.EffectiveOn, "Koperasi Jasa Sejahtera", "jasa"));
        (amended.Address!.RegencyCode, amended.Address.RegencyName, amended.Form).ShouldBe(("1501", "Kerinci", (string?)null));

        var current = await ReadAsync(id);
        (current["name"]!.GetValue<string>(), current["type"]!.GetValue<string>(), current["address"]!["regencyCode"]!.GetValue<string>())
            .ShouldBe(("Koperasi Jasa Sejahtera", "jasa", "1501"));
        current["articlesVersion"]!.GetValue<int>().ShouldBe(2);
        var articles = await ReadAsync(id, "/articles");
        articles["currentVersion"]!.GetValue<int>().ShouldBe(2);
        var versions = articles["versions"]!.AsArray();
        versions.Select(v => v!["number"]!.GetValue<int>()).ShouldBe([1, 2]);
        (versions[0]!["name"]!.GetValue<string>(), versions[0]!["type"]!.GetValue<string>(), versions[0]!["domicile"]!["regencyCode"]!.GetValue<string>())
            .ShouldBe((original, "konsumen", "1571"));
        versions[1]!["changed"]!.AsArray().Select(c => c!.GetValue<string>()).ShouldBe(["name", "domicile", "type", "businessField"]);
        versions[1]!["effectiveOn"]!.GetValue<string>().ShouldBe("2026-10-15");
        versions[1]!["caseId"]!.GetValue<Guid>().ShouldBe(amendment.CaseId);
        versions[1]!["ratification"]!["decreeNumber"]!.GetValue<string>().ShouldBe(amendment.Ratification!.DecreeNumber);
    }

    [Fact]
    public async Task An_amendment_that_changes_nothing_is_not_applied()
    {
        var name = $"Koperasi Sama {Guid.NewGuid():N}";
        var id = await RegisterAsync(name);
        var amendment = Approvals.Amendment(id, new ArticlesChanges(name, null, "konsumen", null, "primer", null, null));

        await _bus.PublishAsync(amendment, Guid.NewGuid());

        (await _probe.WaitForAsync(NotApplied, OfCase(amendment.CaseId))).As<TransformationNotApplied>().Rule.ShouldBe("articles-amendment-changes-nothing");
        (await ReadAsync(id, "/articles"))["versions"]!.AsArray().Count.ShouldBe(1);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koperasi.Contracts.Registry;

namespace Koperasi.Registry.Tests.Messaging;

/// <summary>
/// An approved merger published into the Registry's bus dissolves the absorbed koperasi into the
/// survivor and is answered with the documented contracts; a refusal or a duplicate changes nothing.
/// </summary>
public sealed class MergerConsumerTests() : TransformationHarness("mergers")
{
    [Fact]
    public async Task A_merger_dissolves_the_absorbed_into_the_survivor_and_answers_with_the_merger()
    {
        var tag = $"Merger{Guid.NewGuid():N}"[..14];
        var survivor = await RegisterAsync($"Koperasi {tag} A");
        var first = await RegisterAsync($"Koperasi {tag} B");
        var second = await RegisterAsync($"Koperasi {tag} C", regency: "1501");
        var merger = Approvals.Merger(survivor, first, second);

        await Bus.PublishAsync(merger, Guid.NewGuid());

        var merged = (await Probe.WaitForAsync(Merged, OfCase(merger.CaseId))).As<CooperativeMerged>();
        (merged.CooperativeId, merged.MembersMoved, merged.MemberCount, merged.EffectiveOn).ShouldBe((survivor, 70, 105, Approvals.EffectiveOn));
        merged.AbsorbedIds.ShouldBe([first, second]);
        foreach (var absorbed in new[] { first, second })
        {
            var dissolved = (await Probe.WaitForAsync(Dissolved, About(absorbed))).As<CooperativeDissolved>();
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
            [.. (await Api.GetAsync(Client, $"/api/registry/cooperatives?q={tag}{filter}"))["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>())];
        (await Names("&legalStatus=dissolved")).ShouldBe([$"Koperasi {tag} B", $"Koperasi {tag} C"]);
        (await Names("&legalStatus=existing")).ShouldBe([$"Koperasi {tag} A"]);
        (await Names("")).Length.ShouldBe(3);
    }

    [Fact]
    public async Task A_dissolved_koperasi_refuses_RAT_reports_and_detail_changes_with_409()
    {
        var survivor = await RegisterAsync($"Koperasi Tetap {Guid.NewGuid():N}");
        var absorbed = await RegisterAsync($"Koperasi Lebur {Guid.NewGuid():N}");
        await Bus.PublishAsync(Approvals.Merger(survivor, absorbed), Guid.NewGuid());
        await Probe.WaitForAsync(Dissolved, About(absorbed));
        var version = (await ReadAsync(absorbed))["version"]!.GetValue<long>();

        using var rat = await Api.ReportRatAsync(Client, absorbed, Api.Rat(2025, "2026-03-02"), version);
        using var patch = new HttpRequestMessage(HttpMethod.Patch, $"/api/registry/cooperatives/{absorbed}")
        {
            Content = JsonContent.Create(new JsonObject { ["contact"] = new JsonObject { ["phone"] = "0741123456" } }),
        };
        patch.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{version}\""));
        using var patched = await Client.SendAsync(patch);

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
        await Bus.PublishAsync(merger, messageId);
        await Probe.WaitForAsync(Merged, OfCase(merger.CaseId));
        await Bus.ConsumedAsync(messageId, 1);
        var before = (await ReadAsync(survivor))["version"]!.GetValue<long>();

        await Bus.PublishAsync(merger, messageId);
        await Bus.ConsumedAsync(messageId, 2);

        var after = await ReadAsync(survivor);
        after["version"]!.GetValue<long>().ShouldBe(before);
        after["memberCount"]!.GetValue<int>().ShouldBe(70);
        (await HistoryAsync(survivor)).Count(e => e!["type"]!.GetValue<string>() == "cooperative-merged").ShouldBe(1);
        (await HistoryAsync(absorbed)).Count(e => e!["type"]!.GetValue<string>() == "cooperative-dissolved").ShouldBe(1);
    }

    [Fact]
    public async Task A_merger_naming_an_unknown_koperasi_is_answered_not_applied_under_one_message_id_and_changes_nothing()
    {
        var survivor = await RegisterAsync($"Koperasi Tetap {Guid.NewGuid():N}");
        var absorbed = await RegisterAsync($"Koperasi Lebur {Guid.NewGuid():N}");
        var stranger = Guid.NewGuid();
        var merger = Approvals.Merger(survivor, absorbed, stranger);
        var messageId = Guid.NewGuid();
        var versions = (await ReadAsync(survivor))["version"]!.GetValue<long>() + (await ReadAsync(absorbed))["version"]!.GetValue<long>();

        await Bus.PublishAsync(merger, messageId);
        var answer = await Probe.WaitForAsync(NotApplied, OfCase(merger.CaseId));
        await Bus.PublishAsync(merger, messageId);
        await Bus.ConsumedAsync(messageId, 2);

        var refusal = answer.As<TransformationNotApplied>();
        (refusal.Rule, refusal.StreamVersion).ShouldBe(("cooperative-not-registered", 0L));
        refusal.Reason.ShouldContain(stranger.ToString());
        (await ReadAsync(absorbed))["legalStatus"]!.GetValue<string>().ShouldBe("existing");
        ((await ReadAsync(survivor))["version"]!.GetValue<long>() + (await ReadAsync(absorbed))["version"]!.GetValue<long>()).ShouldBe(versions);
        await Probe.DrainAsync();
        // Two deliveries handled at once may both answer before either commits: under one message id,
        // so the Transformation service's idempotent consumer takes it once.
        Probe.Received.Where(m => m.MessageTypes.Contains("urn:message:" + NotApplied) && OfCase(merger.CaseId)(m.Message))
            .Select(m => m.MessageId).Distinct().ShouldHaveSingleItem().ShouldBe(answer.MessageId);
    }
}

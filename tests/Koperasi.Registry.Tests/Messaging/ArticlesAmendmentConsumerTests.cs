using Koperasi.Contracts.Registry;
using Koperasi.Contracts.Transformation;

namespace Koperasi.Registry.Tests.Messaging;

/// <summary>
/// An approved change of the articles becomes their next version; the earlier ones stay readable.
/// </summary>
public sealed class ArticlesAmendmentConsumerTests() : TransformationHarness("amendments")
{
    [Fact]
    public async Task An_articles_amendment_becomes_the_next_version_and_the_earlier_stays_readable()
    {
        var original = $"Koperasi Konsumen {Guid.NewGuid():N}";
        var id = await RegisterAsync(original);
        var changes = new ArticlesChanges(
            "Koperasi Jasa Sejahtera", new Domicile("Jl. Diponegoro 3", "Sitinjau Laut", "15.01", null, null), "jasa", null, null, "Jasa angkutan", null);
        var amendment = Approvals.Amendment(id, changes);

        await Bus.PublishAsync(amendment, Guid.NewGuid());

        var amended = (await Probe.WaitForAsync(Amended, OfCase(amendment.CaseId))).As<CooperativeAmended>();
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

        await Bus.PublishAsync(amendment, Guid.NewGuid());

        (await Probe.WaitForAsync(NotApplied, OfCase(amendment.CaseId))).As<TransformationNotApplied>().Rule.ShouldBe("articles-amendment-changes-nothing");
        (await ReadAsync(id, "/articles"))["versions"]!.AsArray().Count.ShouldBe(1);
    }
}

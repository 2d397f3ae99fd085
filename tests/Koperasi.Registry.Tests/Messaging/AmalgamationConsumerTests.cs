using System.Net;
using Koperasi.Contracts.Registry;
using Koperasi.Contracts.Transformation;

namespace Koperasi.Registry.Tests.Messaging;

/// <summary>
/// An approved amalgamation founds the new koperasi, linked to its predecessors, and ends the
/// participants; one the register refuses changes nothing.
/// </summary>
public sealed class AmalgamationConsumerTests() : TransformationHarness("amalgamations")
{
    [Fact]
    public async Task An_amalgamation_founds_the_new_koperasi_linked_to_its_predecessors_and_ends_the_participants()
    {
        var first = await RegisterAsync($"Koperasi Peserta {Guid.NewGuid():N}");
        var second = await RegisterAsync($"Koperasi Peserta {Guid.NewGuid():N}", regency: "1505");
        var newId = Guid.CreateVersion7();
        var amalgamation = Approvals.Amalgamation(newId, Approvals.Ratification(), first, second);

        await Bus.PublishAsync(amalgamation, Guid.NewGuid());

        var registered = (await Probe.WaitForAsync(Registered, About(newId))).As<CooperativeRegistered>();
        registered.PredecessorIds.ShouldBe([first, second]);
        registered.CaseId.ShouldBe(amalgamation.CaseId);
        (registered.DecreeNumber, registered.DecreeDate, registered.MemberCount).ShouldBe((amalgamation.Ratification.DecreeNumber, Approvals.EffectiveOn, 70));
        (registered.Type, registered.Address.RegencyCode).ShouldBe(("produsen", "1571"));
        foreach (var participant in new[] { first, second })
        {
            var dissolved = (await Probe.WaitForAsync(Dissolved, About(participant))).As<CooperativeDissolved>();
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
        var holder = await Api.RegisterAsync(Client, Api.Registration());
        var first = await RegisterAsync($"Koperasi Peserta {Guid.NewGuid():N}");
        var second = await RegisterAsync($"Koperasi Peserta {Guid.NewGuid():N}");
        var newId = Guid.CreateVersion7();
        var taken = new Ratification(holder["legalEntity"]!["decreeNumber"]!.GetValue<string>().ToLowerInvariant(), Approvals.EffectiveOn);
        var amalgamation = Approvals.Amalgamation(newId, taken, first, second);

        await Bus.PublishAsync(amalgamation, Guid.NewGuid());

        (await Probe.WaitForAsync(NotApplied, OfCase(amalgamation.CaseId))).As<TransformationNotApplied>().Rule.ShouldBe("decree-number-already-registered");
        (await ReadAsync(first))["legalStatus"]!.GetValue<string>().ShouldBe("existing");
        (await ReadAsync(second))["version"]!.GetValue<long>().ShouldBe(1);
        using var missing = await Client.GetAsync(new Uri($"/api/registry/cooperatives/{newId}", UriKind.Relative));
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

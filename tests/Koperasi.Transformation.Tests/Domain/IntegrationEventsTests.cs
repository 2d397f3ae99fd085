using JasperFx.Events;
using Koperasi.Transformation.Cases;
using Koperasi.Transformation.Messaging;
using static Koperasi.Transformation.Tests.Domain.Given;
using Public = Koperasi.Contracts.Transformation;

namespace Koperasi.Transformation.Tests.Domain;

/// <summary>The one map from the case's private events to the public contracts.</summary>
public class IntegrationEventsTests
{
    private static readonly TransformationIntegrationEvents Map = new();

    private static object? Published(object data, long version) =>
        Map.Map(new Event<object>(data) { Version = version, Timestamp = new DateTimeOffset(2026, 11, 22, 3, 15, 0, TimeSpan.Zero) });

    [Fact]
    public void Every_published_event_type_has_a_contract_and_the_steps_stay_private()
    {
        var history = MergerCaseApproved(out var survivor, out _);
        history = Then(history, c => c.Complete(new RegistryApplied(CaseKind.Merger, survivor.Id, 64, DateTimeOffset.UnixEpoch)));

        foreach (var e in history)
        {
            var contract = Published(e, 1);
            (contract is not null).ShouldBe(Map.PublishedEventTypes.Contains(e.GetType()), e.GetType().Name);
        }

        Published(history.OfType<MembersMeetingRecorded>().First(), 2).ShouldBeNull();
    }

    [Fact]
    public void A_proposal_is_published_as_a_case_opened_with_the_survivor_first()
    {
        var (survivor, absorbed) = (Known("Koperasi Maju Bersama", "1571"), Known("Koperasi Tani Makmur", "1505"));

        var opened = Published(MergerProposed(survivor, absorbed)[0], 1).ShouldBeOfType<Public.TransformationCaseOpened>();

        (opened.Kind, opened.StreamVersion).ShouldBe(("merger", 1L));
        opened.CooperativeIds.ShouldBe([survivor.Id, absorbed.Id]);
        opened.RegencyCodes.ShouldBe(["1571", "1505"]);
    }

    [Fact]
    public void An_approved_amalgamation_carries_the_new_koperasi_in_the_contracts_words()
    {
        var founded = NewKoperasi(CooperativeType.SimpanPinjam, SavingsLoanScheme.CloseLoop);
        var approved = new AmalgamationCaseApproved(Guid.NewGuid(), [Guid.NewGuid(), Guid.NewGuid()], founded, Deed, Decree, Decree.DecreeDate);

        var contract = Published(approved, 6).ShouldBeOfType<Public.AmalgamationApproved>();

        contract.NewCooperative.ShouldBe(new Public.NewCooperative(
            founded.CooperativeId, founded.Name, "primer", "simpan-pinjam", "close-loop", false, false, [], "kabupaten-kota",
            new Public.Domicile("Jl. Gatot Subroto 8", "Jambi Timur", "1572", "Talang Banjar", "36141"), founded.BusinessField), new ContractComparer());
        (contract.Deed, contract.Ratification, contract.StreamVersion).ShouldBe((new Public.Deed(Deed.Number, Deed.Date, Deed.Notary), new Public.Ratification(Decree.DecreeNumber, Decree.DecreeDate), 6L));
    }

    [Fact]
    public void An_approved_change_of_articles_sets_only_its_changed_parts()
    {
        var approved = new ArticlesAmendmentCaseApproved(Guid.NewGuid(), Guid.NewGuid(), Changes(name: "Koperasi Baru", type: CooperativeType.Jasa), Deed, null, Deed.Date);

        var contract = Published(approved, 5).ShouldBeOfType<Public.ArticlesAmendmentApproved>();

        contract.Changes.ShouldBe(new Public.ArticlesChanges("Koperasi Baru", null, "jasa", null, null, null, null));
        contract.Ratification.ShouldBeNull();
    }

    /// <summary>Records holding lists compare them by reference; compare the JSON instead.</summary>
    private sealed class ContractComparer : IEqualityComparer<Public.NewCooperative>
    {
        public bool Equals(Public.NewCooperative? x, Public.NewCooperative? y) =>
            System.Text.Json.JsonSerializer.Serialize(x) == System.Text.Json.JsonSerializer.Serialize(y);

        public int GetHashCode(Public.NewCooperative obj) => 0;
    }
}

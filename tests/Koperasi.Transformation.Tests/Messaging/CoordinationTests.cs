using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koperasi.Testing;
using Koperasi.Transformation.Tests.Domain;
using Public = Koperasi.Contracts.Transformation;
using Registry = Koperasi.Contracts.Registry;

namespace Koperasi.Transformation.Tests.Messaging;

/// <summary>
/// A case walked over HTTP to approval is published as its contract (seen on the broker as a downstream
/// system sees it); the Registry's answer, played by the test, completes it or rejects it.
/// </summary>
public sealed class CoordinationTests(TransformationHost host) : IClassFixture<TransformationHost>, IAsyncLifetime
{
    private const string Opened = "koperasi:transformation:case-opened:v1";
    private const string MergerCaseApproved = "koperasi:transformation:merger-approved:v1";
    private const string AmalgamationCaseApproved = "koperasi:transformation:amalgamation-approved:v1";
    private const string AmendmentApproved = "koperasi:transformation:articles-amendment-approved:v1";
    private const string Completed = "koperasi:transformation:case-completed:v1";
    private const string Rejected = "koperasi:transformation:case-rejected:v1";

    private readonly HttpClient _client = host.CreateClient();
    private BrokerProbe _probe = null!;

    public async ValueTask InitializeAsync() =>
        _probe = await BrokerProbe.SubscribeAsync(host.EntityPrefix, Opened, MergerCaseApproved, AmalgamationCaseApproved, AmendmentApproved, Completed, Rejected);

    public async ValueTask DisposeAsync() => await _probe.DisposeAsync();

    private Task<ReceivedMessage> PublishedAsync(string contract, JsonObject @case) =>
        _probe.WaitForAsync(contract, m => m.GetProperty("caseId").GetString() == Api.Text(@case["id"]));

    [Fact]
    public async Task A_merger_is_approved_published_and_completed_by_the_registers_answer()
    {
        var survivor = await RegistryFacts.RegisterAsync(host, "Koperasi Maju Bersama", members: 118);
        var absorbed = await RegistryFacts.RegisterAsync(host, "Koperasi Tani Makmur", members: 64);

        var approved = await Walk.ToApprovalAsync(_client, "mergers", Api.Merger(survivor, absorbed), [survivor, absorbed]);

        var opened = (await PublishedAsync(Opened, approved)).As<Public.TransformationCaseOpened>();
        (opened.Kind, opened.StreamVersion).ShouldBe(("merger", 1L));
        opened.CooperativeIds.ShouldBe([survivor, absorbed]);
        var message = await PublishedAsync(MergerCaseApproved, approved);
        var contract = message.As<Public.MergerApproved>();
        (contract.SurvivorId, contract.AbsorbedIds.Single(), contract.StreamVersion, contract.EffectiveOn).ShouldBe((survivor, absorbed, 6L, new DateOnly(2026, 10, 15)));
        (contract.Deed.Number, contract.Ratification.DecreeNumber).ShouldBe(("14", "AHU-0004521.AH.01.29.TAHUN 2026"));
        message.MessageId.ShouldNotBe(Guid.Empty);

        var caseId = Guid.Parse(Api.Text(approved["id"]));
        await RegistryFacts.PublishAsync(host, RegistryFacts.Merged(caseId, survivor, absorbed, membersMoved: 64, memberCount: 182));
        var completed = await Walk.UntilStateAsync(_client, approved, "completed");

        (completed["completion"]!["membersMoved"]!.GetValue<int>(), completed["version"]!.GetValue<long>()).ShouldBe((64, 7L));
        (await PublishedAsync(Completed, approved)).As<Public.TransformationCaseCompleted>().ResultingCooperativeId.ShouldBe(survivor);
        var survivorNow = await Api.GetAsync(_client, $"/api/transformation/cooperatives/{survivor}");
        (survivorNow["mayTakePart"]!.GetValue<bool>(), survivorNow["memberCount"]!.GetValue<int>()).ShouldBe((true, 182));
        var absorbedNow = await Api.GetAsync(_client, $"/api/transformation/cooperatives/{absorbed}");
        (absorbedNow["mayTakePart"]!.GetValue<bool>(), Api.Text(absorbedNow["rule"])).ShouldBe((false, "cooperative-dissolved"));
    }

    [Fact]
    public async Task An_answer_for_a_case_already_closed_changes_nothing()
    {
        var survivor = await RegistryFacts.RegisterAsync(host);
        var absorbed = await RegistryFacts.RegisterAsync(host);
        var approved = await Walk.ToApprovalAsync(_client, "mergers", Api.Merger(survivor, absorbed), [survivor, absorbed]);
        var caseId = Guid.Parse(Api.Text(approved["id"]));
        await RegistryFacts.PublishAsync(host, RegistryFacts.Merged(caseId, survivor, absorbed, 64, 182));
        await Walk.UntilStateAsync(_client, approved, "completed");

        var late = Guid.NewGuid();
        await RegistryFacts.PublishAsync(host, new Registry.TransformationNotApplied(caseId, 0, DateTimeOffset.UtcNow, "cooperative-not-registered", "Terlambat."), late);
        await host.Deliveries.HandledAsync(late);

        var read = await Api.CaseAsync(_client, approved);
        (Api.Text(read["state"]), read["version"]!.GetValue<long>()).ShouldBe(("completed", 7L));
    }

    [Fact]
    public async Task An_amalgamation_completes_when_the_register_founds_the_new_koperasi_under_the_cases_id()
    {
        var a = await RegistryFacts.RegisterAsync(host, members: 120);
        var b = await RegistryFacts.RegisterAsync(host, members: 80);

        var approved = await Walk.ToApprovalAsync(_client, "amalgamations", Api.Amalgamation([a, b]), [a, b]);

        var contract = (await PublishedAsync(AmalgamationCaseApproved, approved)).As<Public.AmalgamationApproved>();
        var newId = Guid.Parse(Api.Text(approved["newCooperative"]!["cooperativeId"]));
        (contract.NewCooperative.CooperativeId, contract.NewCooperative.Type, contract.NewCooperative.Domicile.RegencyCode).ShouldBe((newId, "produsen", "1571"));
        contract.ParticipantIds.ShouldBe([a, b]);

        var founded = Given.Registration(newId, "Koperasi Produsen Tani Bersatu", members: 200, version: 1, caseId: Guid.Parse(Api.Text(approved["id"]))) with { PredecessorIds = [a, b] };
        await RegistryFacts.PublishAsync(host, founded);
        var completed = await Walk.UntilStateAsync(_client, approved, "completed");

        completed["completion"]!["endedCooperativeIds"]!.AsArray().Select(n => Guid.Parse(Api.Text(n))).ShouldBe([a, b]);
        completed["completion"]!["membersMoved"]!.GetValue<int>().ShouldBe(200);
        (await Api.GetAsync(_client, $"/api/transformation/cooperatives/{newId}"))["mayTakePart"]!.GetValue<bool>().ShouldBeTrue();
        Api.Text((await Api.GetAsync(_client, $"/api/transformation/cooperatives/{a}"))["rule"]).ShouldBe("cooperative-dissolved");
    }

    [Fact]
    public async Task A_change_of_name_completes_when_the_register_amends_the_koperasi()
    {
        var cooperative = await RegistryFacts.RegisterAsync(host, "Koperasi Maju Bersama");

        var approved = await Walk.ToApprovalAsync(_client, "articles-amendments", Api.Amendment(cooperative, new JsonObject { ["name"] = "Koperasi Serba Usaha Maju" }), [cooperative]);

        var contract = (await PublishedAsync(AmendmentApproved, approved)).As<Public.ArticlesAmendmentApproved>();
        (contract.Changes.Name, contract.Changes.Type, contract.Ratification!.DecreeDate).ShouldBe(("Koperasi Serba Usaha Maju", null, new DateOnly(2026, 10, 15)));

        var caseId = Guid.Parse(Api.Text(approved["id"]));
        await RegistryFacts.PublishAsync(host, new Registry.CooperativeAmended(
            cooperative, 4, DateTimeOffset.UtcNow, 2, new DateOnly(2026, 10, 15), caseId, "Koperasi Serba Usaha Maju", null, null, null, null, null, null));
        await Walk.UntilStateAsync(_client, approved, "completed");

        var standing = await Api.GetAsync(_client, $"/api/transformation/cooperatives/{cooperative}");
        (Api.Text(standing["name"]), standing["mayTakePart"]!.GetValue<bool>()).ShouldBe(("Koperasi Serba Usaha Maju", true));
    }

    [Fact]
    public async Task The_register_refusing_a_case_rejects_it_and_frees_its_participants()
    {
        var survivor = await RegistryFacts.RegisterAsync(host);
        var absorbed = await RegistryFacts.RegisterAsync(host);
        var approved = await Walk.ToApprovalAsync(_client, "mergers", Api.Merger(survivor, absorbed), [survivor, absorbed]);

        await RegistryFacts.PublishAsync(host, new Registry.TransformationNotApplied(
            Guid.Parse(Api.Text(approved["id"])), 0, DateTimeOffset.UtcNow, "cooperative-not-registered", "Koperasi yang bergabung bukan lagi badan hukum."));
        var rejected = await Walk.UntilStateAsync(_client, approved, "rejected");

        Api.Text(rejected["rejection"]!["rule"]).ShouldBe("cooperative-not-registered");
        (await PublishedAsync(Rejected, approved)).As<Public.TransformationCaseRejected>().Rule.ShouldBe("cooperative-not-registered");
        using var again = await _client.PostAsJsonAsync($"{Api.Cases}/mergers", Api.Merger(absorbed, survivor));
        again.StatusCode.ShouldBe(HttpStatusCode.Created);
    }
}

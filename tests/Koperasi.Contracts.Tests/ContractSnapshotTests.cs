using System.Reflection;
using System.Text.Json;
using Koperasi.Testing;
using MassTransit;
using MassTransit.Serialization;

namespace Koperasi.Contracts.Tests;

/// <summary>
/// A contract is public: its URN and JSON shape may only be extended compatibly. Each is pinned
/// by a snapshot of the JSON MassTransit puts on the wire; a change that alters it fails here.
/// An intended, compatible extension updates the snapshot in the same change.
/// </summary>
public class ContractSnapshotTests
{
    public static IEnumerable<Type> ContractTypes =>
        typeof(IIntegrationEvent).Assembly.GetTypes().Where(t => t.GetCustomAttribute<MessageUrnAttribute>() is not null);

    public static TheoryData<string> ContractNames => [.. ContractTypes.Select(t => t.FullName!)];

    private static Type ByName(string name) => ContractTypes.Single(t => t.FullName == name);

    private static string Urn(Type type) => type.GetCustomAttribute<MessageUrnAttribute>()!.Urn.ToString();

    [Fact]
    public void Every_contract_has_a_sample_and_a_snapshot()
    {
        ContractTypes.ShouldNotBeEmpty();
        ContractTypes.Where(t => !ContractSamples.All.ContainsKey(t)).ShouldBeEmpty("contracts without a sample");
    }

    [Theory]
    [MemberData(nameof(ContractNames))]
    public void A_contract_is_named_by_a_stable_versioned_URN_not_by_its_CLR_namespace(string name)
    {
        var urn = Urn(ByName(name));
        urn.ShouldMatch(@"^urn:message:koperasi:[a-z]+:[a-z0-9-]+:v[0-9]+$");
        urn.ShouldNotContain(ByName(name).Namespace!, Case.Insensitive);
        ContractTypes.Count(t => Urn(t) == urn).ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(ContractNames))]
    public void The_JSON_of_a_contract_matches_its_snapshot(string name)
    {
        var type = ByName(name);
        var json = JsonSerializer.Serialize(ContractSamples.All[type], type, SystemTextJsonMessageSerializer.Options).ReplaceLineEndings("\n");
        var file = Path.Combine(AppContext.BaseDirectory, "Snapshots", SnapshotName(type));

        if (!File.Exists(file))
        {
            var received = Path.Combine(SourceTree.Root, "tests", "Koperasi.Contracts.Tests", "Snapshots", SnapshotName(type) + ".received");
            File.WriteAllText(received, json);
            Assert.Fail($"No snapshot for {Urn(type)}. The JSON it would pin is in {received}: review it and drop the .received suffix.");
        }

        json.ShouldBe(File.ReadAllText(file).ReplaceLineEndings("\n").TrimEnd('\n'), $"{Urn(type)} changed its JSON shape");
    }

    [Fact]
    public void Every_snapshot_belongs_to_a_contract()
    {
        var expected = ContractTypes.Select(SnapshotName).ToHashSet();
        Directory.GetFiles(Path.Combine(SourceTree.Root, "tests", "Koperasi.Contracts.Tests", "Snapshots"), "*.json").Select(Path.GetFileName)
            .Where(f => !expected.Contains(f!)).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(ContractNames))]
    public void The_integration_events_guide_documents_every_contract(string name)
    {
        var guide = FindEventsGuide();
        guide.ShouldContain(Urn(ByName(name)), customMessage: "docs/integration-events.md documents every integration event with its URN and JSON");
    }

    private static string SnapshotName(Type type) => Urn(type)["urn:message:".Length..].Replace(':', '.') + ".json";

    private static string FindEventsGuide() => File.ReadAllText(Path.Combine(SourceTree.Root, "docs", "integration-events.md"));
}

using System.Reflection;
using Koperasi.Sample;
using Koperasi.Sample.Cases;
using Koperasi.Sample.Messaging.Consumers;
using static Koperasi.ArchitectureTests.MessagingConventions;

namespace Koperasi.ArchitectureTests;

/// <summary>
/// docs/adr/0012 on the services themselves: every consumer lives in
/// <c>Koperasi.&lt;Service&gt;.Messaging.Consumers</c>, in <c>Messaging/Consumers/&lt;Class&gt;.cs</c>, one
/// per file; no service declares a type named like another service's contract type, nor an enum
/// that copies the members of another service's contract enum; a publisher's own enum agrees with
/// the contract enum of the same name. Read from the services' assemblies and sources, so a new
/// consumer or enum is covered without touching this test.
/// </summary>
public class MessagingConventionTests
{
    private static readonly string[] ServiceNames = ["Registry", "Transformation", "Funding"];

    private static Assembly ServiceAssembly(string service) => Assembly.Load($"Koperasi.{service}");

    private static string ProjectFolder(string service) =>
        Path.Combine(Repository.Root, "services", service.ToLowerInvariant(), $"Koperasi.{service}");

    private static string? SourceOf(string service, string relativePath)
    {
        var path = Path.Combine(ProjectFolder(service), relativePath.Replace('/', Path.DirectorySeparatorChar));
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }

    private static IEnumerable<(string Path, string Source)> Sources(string service) =>
        Directory.EnumerateFiles(ProjectFolder(service), "*.cs", SearchOption.AllDirectories)
            .Where(p => !Path.GetRelativePath(ProjectFolder(service), p).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Select(p => (Path.GetRelativePath(Repository.Root, p), File.ReadAllText(p)));

    private static List<Type> ConsumersOf(string service) => [.. DeclaredTypes(ServiceAssembly(service)).Where(IsConsumer)];

    private static Type[] Contracts { get; } = typeof(Koperasi.Contracts.IIntegrationEvent).Assembly.GetTypes();

    public static TheoryData<string> Services => [.. ServiceNames];

    [Theory]
    [MemberData(nameof(Services))]
    public void Every_consumer_lives_in_Messaging_Consumers_in_a_file_of_its_name(string service)
    {
        var consumers = ConsumersOf(service);
        consumers.ShouldNotBeEmpty($"{service} should have consumers for this test to check");
        consumers.SelectMany(c => PlacementErrors(c, service, path => SourceOf(service, path))).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void No_file_declares_two_consumers(string service) =>
        FilesWithSeveralConsumers(ConsumersOf(service), Sources(service)).ShouldBeEmpty();

    /// <summary>
    /// Names a service declared before this rule, each with its reason; remove an entry when its type
    /// is renamed (the test below fails on an entry that no longer applies).
    /// </summary>
    private static readonly Dictionary<string, string> NamesAllowedForNow = new(StringComparer.Ordinal)
    {
        // The register's own value for a ministry decree, also made for a founding (not only for a
        // transformation); it is in the Registry's events, commands and its articles API. Renaming it
        // is a change of the Registry's domain and OpenAPI schema names, left to its own change.
        ["Koperasi.Registry.Cooperatives.Ratification"] = "Koperasi.Contracts.Transformation.Ratification",
    };

    [Theory]
    [MemberData(nameof(Services))]
    public void No_type_of_a_service_has_the_name_of_another_services_contract(string service) =>
        ForeignContractNames(service, DeclaredTypes(ServiceAssembly(service)), Contracts)
            .Where(found => !NamesAllowedForNow.Any(allowed => found == $"{allowed.Key} has the name of {allowed.Value}"))
            .ShouldBeEmpty();

    [Fact]
    public void Every_name_allowed_for_now_still_needs_it() =>
        ServiceNames.SelectMany(service => ForeignContractNames(service, DeclaredTypes(ServiceAssembly(service)), Contracts))
            .Count(found => NamesAllowedForNow.Any(allowed => found == $"{allowed.Key} has the name of {allowed.Value}"))
            .ShouldBe(NamesAllowedForNow.Count);

    [Theory]
    [MemberData(nameof(Services))]
    public void No_enum_of_a_service_re_declares_another_services_contract_enum(string service) =>
        RedeclaredContractEnums(service, DeclaredTypes(ServiceAssembly(service)), Contracts).ShouldBeEmpty();

    [Theory]
    [MemberData(nameof(Services))]
    public void A_publishers_own_enums_agree_with_its_contract_enums(string service) =>
        DisagreeingOwnEnums(service, DeclaredTypes(ServiceAssembly(service)), Contracts).ShouldBeEmpty();

    [Fact]
    public void The_contracts_declare_enums_for_the_rules_to_compare() =>
        Contracts.Where(c => c.IsEnum).Select(c => c.Name).ShouldContain("CooperativeForm");

    // The rules on deliberate violations (types below, in this assembly).

    [Fact]
    public void A_consumer_in_place_passes() =>
        PlacementErrors(typeof(ProbeConsumer), "Sample", _ => "public sealed class ProbeConsumer : IConsumer<Probe>").ShouldBeEmpty();

    [Fact]
    public void A_consumer_outside_Messaging_Consumers_fails() =>
        PlacementErrors(typeof(MisplacedConsumer), "Sample", _ => "public sealed class MisplacedConsumer : IConsumer<Probe>")
            .ShouldHaveSingleItem().ShouldContain("is not in Koperasi.Sample.Messaging.Consumers");

    [Fact]
    public void A_consumer_nested_or_in_a_file_of_another_name_fails()
    {
        PlacementErrors(typeof(Feature.NestedConsumer), "Sample", _ => null)
            .ShouldBe([
                "Koperasi.Sample.Messaging.Consumers.Feature+NestedConsumer is nested in Feature: a consumer is a top-level class",
                "Koperasi.Sample.Messaging.Consumers.Feature+NestedConsumer is not in a file of its own name (Messaging/Consumers/NestedConsumer.cs)",
            ]);
        PlacementErrors(typeof(ProbeConsumer), "Sample", _ => "public static class SomethingElse;")
            .ShouldHaveSingleItem().ShouldContain("does not declare class ProbeConsumer");
    }

    [Fact]
    public void A_file_declaring_two_consumers_fails()
    {
        Type[] consumers = [typeof(ProbeConsumer), typeof(MisplacedConsumer)];
        FilesWithSeveralConsumers(consumers, [("Two.cs", "sealed class ProbeConsumer : IConsumer<Probe>;\nsealed class MisplacedConsumer : IConsumer<Probe>;")])
            .ShouldBe(["Two.cs: ProbeConsumer, MisplacedConsumer"]);
        FilesWithSeveralConsumers(consumers, [("One.cs", "sealed class ProbeConsumer : IConsumer<Probe>;\ninternal static class ProbeConsumerLog;")]).ShouldBeEmpty();
    }

    [Fact]
    public void Only_consumers_count_as_consumers()
    {
        IsConsumer(typeof(ProbeConsumer)).ShouldBeTrue();
        IsConsumer(typeof(ProbeBase<>)).ShouldBeTrue();
        IsConsumer(typeof(CooperativeForm)).ShouldBeFalse();
    }

    [Fact]
    public void A_type_named_like_another_services_contract_fails_and_its_own_passes()
    {
        ForeignContractNames("Sample", [typeof(CooperativeForm)], Contracts)
            .ShouldHaveSingleItem().ShouldContain("has the name of Koperasi.Contracts.Registry.CooperativeForm");
        ForeignContractNames("Registry", [typeof(CooperativeForm)], Contracts).ShouldBeEmpty();
    }

    [Fact]
    public void An_enum_copying_another_services_contract_enum_fails_under_any_name()
    {
        RedeclaredContractEnums("Sample", [typeof(Bentuk)], Contracts)
            .ShouldHaveSingleItem().ShouldContain("re-declares Koperasi.Contracts.Registry.CooperativeForm");
        RedeclaredContractEnums("Sample", [typeof(Unrelated)], Contracts).ShouldBeEmpty();
        RedeclaredContractEnums("Registry", [typeof(Bentuk)], Contracts).ShouldBeEmpty();
    }

    [Fact]
    public void A_publishers_enum_that_drifted_from_its_contract_fails() =>
        DisagreeingOwnEnums("Registry", [typeof(CooperativeForm)], Contracts)
            .ShouldHaveSingleItem().ShouldContain("differs from Koperasi.Contracts.Registry.CooperativeForm");
}

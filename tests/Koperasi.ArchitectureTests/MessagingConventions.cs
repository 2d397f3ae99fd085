using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Koperasi.ArchitectureTests;

/// <summary>
/// The rules of docs/adr/0012 as functions of a service's types and sources, so the tests can show
/// each rule failing on a deliberate violation as well as passing on the services.
/// </summary>
public static partial class MessagingConventions
{
    /// <summary>The folder, under a service project, where its consumers live.</summary>
    public const string ConsumersFolder = "Messaging/Consumers";

    /// <summary>"Koperasi.Registry" gives "Registry"; "Koperasi.Contracts.Funding.GrantDecreed" gives "Funding" for a contract.</summary>
    public static string ServiceOf(Assembly service) => service.GetName().Name!.Split('.')[1];

    /// <summary>The namespace every consumer of <paramref name="service"/> is declared in.</summary>
    public static string ConsumersNamespace(string service) => $"Koperasi.{service}.Messaging.Consumers";

    /// <summary>The types a person wrote (no compiler-generated closures, state machines or attributes).</summary>
    public static IEnumerable<Type> DeclaredTypes(Assembly assembly) =>
        assembly.GetTypes().Where(t => !t.IsDefined(typeof(CompilerGeneratedAttribute), false) && !t.Name.Contains('<', StringComparison.Ordinal)
            && (t.Namespace ?? "").StartsWith("Koperasi.", StringComparison.Ordinal));

    /// <summary>Implements MassTransit's <c>IConsumer&lt;T&gt;</c>, itself or through a base class (abstract bases count too).</summary>
    public static bool IsConsumer(Type type) =>
        type.IsClass && type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition().FullName == "MassTransit.IConsumer`1");

    /// <summary>"ReplicaConsumer`2" gives "ReplicaConsumer".</summary>
    public static string SourceName(Type type) => type.Name.Split('`')[0];

    /// <summary>What is wrong with where a consumer is declared; empty when it is where the ADR says.</summary>
    /// <param name="consumer">A consumer type of the service.</param>
    /// <param name="service">The service ("Registry").</param>
    /// <param name="sourceOf">The text of a file under the service project, by path relative to it ("Messaging/Consumers/X.cs"), or null when there is none.</param>
    public static IEnumerable<string> PlacementErrors(Type consumer, string service, Func<string, string?> sourceOf)
    {
        if (consumer.IsNested)
        {
            yield return $"{consumer.FullName} is nested in {consumer.DeclaringType!.Name}: a consumer is a top-level class";
        }

        if (consumer.Namespace != ConsumersNamespace(service))
        {
            yield return $"{consumer.FullName} is not in {ConsumersNamespace(service)}";
        }

        var file = $"{ConsumersFolder}/{SourceName(consumer)}.cs";
        var source = sourceOf(file);
        if (source is null)
        {
            yield return $"{consumer.FullName} is not in a file of its own name ({file})";
        }
        else if (!DeclaresClass(source, SourceName(consumer)))
        {
            yield return $"{file} does not declare class {SourceName(consumer)}";
        }
    }

    /// <summary>Files declaring more than one of <paramref name="consumers"/>: "file: A, B".</summary>
    public static IEnumerable<string> FilesWithSeveralConsumers(IReadOnlyCollection<Type> consumers, IEnumerable<(string Path, string Source)> files) =>
        files.Select(f => (f.Path, Declared: consumers.Select(SourceName).Distinct().Where(name => DeclaresClass(f.Source, name)).ToList()))
            .Where(f => f.Declared.Count > 1)
            .Select(f => $"{f.Path}: {string.Join(", ", f.Declared)}");

    /// <summary>Whether <paramref name="source"/> declares a class (or record class) named <paramref name="name"/>.</summary>
    public static bool DeclaresClass(string source, string name) =>
        Regex.IsMatch(source, $@"\b(class|record)\s+{Regex.Escape(name)}\b");

    /// <summary>The publisher of a contract type: "Koperasi.Contracts.Registry.CooperativeForm" gives "Registry".</summary>
    public static string? PublisherOf(Type contract) =>
        contract.Namespace is { } ns && ns.StartsWith("Koperasi.Contracts.", StringComparison.Ordinal) ? ns.Split('.')[2] : null;

    /// <summary>Types of <paramref name="serviceTypes"/> named like a contract type another service publishes.</summary>
    public static IEnumerable<string> ForeignContractNames(string service, IEnumerable<Type> serviceTypes, IEnumerable<Type> contracts)
    {
        var foreign = contracts.Where(c => PublisherOf(c) is { } publisher && publisher != service)
            .GroupBy(c => SourceName(c)).ToDictionary(g => g.Key, g => g.First());
        return serviceTypes.Where(t => foreign.ContainsKey(SourceName(t)))
            .Select(t => $"{t.FullName} has the name of {foreign[SourceName(t)].FullName}");
    }

    /// <summary>Enums of <paramref name="serviceTypes"/> declaring every member of an enum another service's contracts declare.</summary>
    public static IEnumerable<string> RedeclaredContractEnums(string service, IEnumerable<Type> serviceTypes, IEnumerable<Type> contracts)
    {
        var foreign = contracts.Where(c => c.IsEnum && PublisherOf(c) is { } publisher && publisher != service).ToList();
        return from own in serviceTypes.Where(t => t.IsEnum)
               let members = Enum.GetNames(own).ToHashSet(StringComparer.OrdinalIgnoreCase)
               from contract in foreign
               where Enum.GetNames(contract).All(members.Contains)
               select $"{own.FullName} re-declares {contract.FullName} ({string.Join(", ", Enum.GetNames(contract))})";
    }

    /// <summary>A publisher's own enum named like its contract enum must have the same members, or their wire values differ.</summary>
    public static IEnumerable<string> DisagreeingOwnEnums(string service, IEnumerable<Type> serviceTypes, IEnumerable<Type> contracts)
    {
        var own = contracts.Where(c => c.IsEnum && PublisherOf(c) == service).ToDictionary(c => c.Name);
        return from type in serviceTypes.Where(t => t.IsEnum && own.ContainsKey(t.Name))
               let contract = own[type.Name]
               where !Enum.GetNames(type).SequenceEqual(Enum.GetNames(contract))
               select $"{type.FullName} ({string.Join(", ", Enum.GetNames(type))}) differs from {contract.FullName} ({string.Join(", ", Enum.GetNames(contract))})";
    }
}

using Marten;

namespace Koperasi.ServiceDefaults.Telemetry;

/// <summary>Reads every count of a business gauge from the service's read models in one grouped query.</summary>
public delegate Task<IReadOnlyList<GaugeCount>> GaugeQuery(IDocumentStore store, CancellationToken cancellationToken);

/// <summary>A business gauge as a service declares it.</summary>
public sealed record BusinessGaugeDefinition(string MeterName, string Name, string Description, GaugeQuery Query);

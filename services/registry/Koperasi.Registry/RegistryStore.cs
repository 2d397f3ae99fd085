using JasperFx.Events.Projections;
using Koperasi.Registry.Cooperatives;
using Koperasi.Registry.Imports;
using Koperasi.Registry.Statistics;
using Koperasi.Registry.Supervision;
using Marten;

namespace Koperasi.Registry;

/// <summary>The Registry's event store: stream names, projections, documents and indexes.</summary>
public static class RegistryStore
{
    public const string DefaultSchema = "registry";

    public static void Configure(StoreOptions options)
    {
        CooperativeEventNames.Register(options);
        options.Projections.Add(new CooperativeProjection(), ProjectionLifecycle.Inline);
        options.Schema.For<Cooperative>()
            .DocumentAlias("cooperative")
            .Duplicate(c => c.Address.RegencyCode)
            .Duplicate(c => c.Name)
            .Index(c => c.Activity)
            .Index(c => c.ActivityBaselineYear);
        options.Schema.For<DecreeNumberClaim>().DocumentAlias("decree_number_claim");
        options.Schema.For<IdentifierClaim>().DocumentAlias("identifier_claim");
        SupervisionEventNames.Register(options);
        options.Projections.Add(new CooperativeSupervisionProjection(), ProjectionLifecycle.Inline);
        options.Schema.For<CooperativeSupervision>()
            .DocumentAlias("cooperative_supervision")
            .Identity(s => s.CooperativeId)
            .Duplicate(s => s.RegencyCode);
        options.Schema.For<KdmpDesaClaim>().DocumentAlias("kdmp_desa_claim");
        StatisticsProjection.Register(options);
        options.Schema.For<PublishedFigure>().DocumentAlias("published_figure");
        ImportJob.ConfigureStorage(options);
    }
}

using JasperFx.Events.Projections;
using Koperasi.Transformation.Cases;
using Koperasi.Transformation.Cooperatives;
using Koperasi.Transformation.Dissolutions;
using Koperasi.Transformation.Statistics;
using Koperasi.ServiceDefaults.Replicas;
using Marten;

namespace Koperasi.Transformation;

/// <summary>The Transformation service's event store: stream names, projections, documents and indexes.</summary>
public static class TransformationStore
{
    public const string DefaultSchema = "transformation";

    public static void Configure(StoreOptions options)
    {
        CaseEventNames.Register(options);
        options.Projections.Add(new CaseProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new ParticipationClaims(), ProjectionLifecycle.Inline);
        DissolutionEventNames.Register(options);
        DissolutionBatchEventNames.Register(options);
        options.Projections.Add(new DissolutionCaseProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new DissolutionBatchProjection(), ProjectionLifecycle.Inline);
        options.Schema.For<DissolutionCase>().DocumentAlias("dissolution_case").Index(c => c.Stage);
        options.Schema.For<DissolutionBatch>().DocumentAlias("dissolution_batch");
        options.Schema.For<TransformationCase>()
            .DocumentAlias("transformation_case")
            .Duplicate(c => c.ProposedYear)
            .Index(c => c.State)
            .Index(c => c.Kind);
        options.Schema.For<ParticipationClaim>().DocumentAlias("participation_claim");
        Replicas.Register<KnownCooperative>(options, "known_cooperative");
        StatisticsProjection.Register(options);
    }
}

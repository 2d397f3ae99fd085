using JasperFx.Events.Projections;
using Koperasi.Funding.Applicants;
using Koperasi.Funding.Applications;
using Koperasi.Funding.Cooperatives;
using Koperasi.Funding.Decrees;
using Koperasi.Funding.Programmes;
using Koperasi.Funding.Reports;
using Koperasi.ServiceDefaults.Replicas;
using Marten;

namespace Koperasi.Funding;

/// <summary>Funding's event store: stream names, projections, documents and indexes.</summary>
public static class FundingStore
{
    public const string DefaultSchema = "funding";

    public static void Configure(StoreOptions options)
    {
        ProgrammeEventNames.Register(options);
        ApplicationEventNames.Register(options);
        RetiredCooperativeFactNames.Register(options);

        options.Projections.Add(new ProgrammeProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new ApplicationProjection(), ProjectionLifecycle.Inline);
        DecreeBatch.Configure(options);
        options.Schema.For<Programme>().DocumentAlias("programme").Index(p => p.Year);
        options.Schema.For<Application>()
            .DocumentAlias("application")
            .Duplicate(a => a.ProgrammeId)
            .Duplicate(a => a.ApplicantId)
            .Duplicate(a => a.RegencyCode)
            .Index(a => a.Status);
        Replicas.Register<CooperativeReplica>(options, "cooperative_replica");
        options.Schema.For<ProgrammeYearClaim>().DocumentAlias("programme_year_claim");
        options.Schema.For<ApplicationClaim>().DocumentAlias("application_claim");
        options.Schema.For<ApplicantCard>().DocumentAlias("applicant_card");
        GrantTotalsProjection.Register(options);
    }
}

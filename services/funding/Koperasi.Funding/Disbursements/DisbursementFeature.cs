using Koperasi.Funding.Applications;
using Koperasi.ServiceDefaults.Http;

namespace Koperasi.Funding.Disbursements;

/// <summary>Paying decreed grants through the bank: the adapter and its pipeline, the processor, the endpoints.</summary>
public static class DisbursementFeature
{
    public const string PipelineName = "bank";

    public static IHostApplicationBuilder AddDisbursements(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DisbursementSignal>();
        builder.Services.AddSingleton<BankCircuit>();
        builder.Services.AddSingleton<DisbursementMetrics>();
        // Retrying a POST is safe: every attempt carries the disbursement's idempotency key. While the
        // circuit is open the processor leaves the disbursements waiting.
        builder.Services.AddOutsideParty<BankClient, BankSettings>(
            builder.Configuration, BankSettings.Section, PipelineName, provider => provider.GetRequiredService<BankCircuit>());

        if (builder.Configuration.GetSection(BankSettings.Section).GetValue(nameof(BankSettings.Processing), true))
        {
            builder.Services.AddHostedService<DisbursementProcessor>();
        }

        return builder;
    }

    public static void MapDisbursements(this RouteGroupBuilder funding)
    {
        var applications = funding.MapGroup("/applications").WithTags("Disbursements").AddEndpointFilter(ApplicationFeature.NoStoreAsync);
        OrderDisbursement.Map(applications);
        RetryDisbursement.Map(applications);
    }
}

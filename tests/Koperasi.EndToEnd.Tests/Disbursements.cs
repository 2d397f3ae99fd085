extern alias funding;

using funding::Koperasi.Funding.Applications;
using Koperasi.ServiceDefaults.Persistence;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Koperasi.EndToEnd.Tests;

/// <summary>
/// Pays a decreed grant as Funding records a bank transfer: the application's own decisions
/// (disbursement requested, then paid), appended and committed in Funding's store. Funding's relay
/// then publishes the payment like any other. Stands in until the grant is paid through the bank.
/// </summary>
public static class Disbursements
{
    public static async Task PayAsync(IServiceProvider funding, Guid applicationId, DateOnly on)
    {
        await using var session = funding.GetRequiredService<IDocumentStore>().OpenSessionAs("test:bank");
        var stream = await session.Events.FetchForWriting<Application>(applicationId);
        var key = Guid.NewGuid();
        var requested = stream.Aggregate!.RequestDisbursement(key, on);
        requested.Error.ShouldBeNull();
        var paid = Application.Fold(stream.Aggregate, requested.Events.Single())!.RecordDisbursement(key, $"TRF-{key:N}", on);
        paid.Error.ShouldBeNull();
        stream.AppendMany([.. requested.Events, .. paid.Events]);
        await session.SaveChangesAsync();
    }
}

using Koperasi.Funding.Applications;
using Koperasi.ServiceDefaults.Persistence;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Koperasi.Funding.Tests;

/// <summary>
/// Pays a decreed grant the way the bank processor will (it is built next): the application's own
/// decisions, appended and committed, so monitoring has a disbursed grant to visit.
/// </summary>
public static class Disbursements
{
    public static async Task PayAsync(IServiceProvider services, string applicationId, DateOnly on)
    {
        var store = services.GetRequiredService<IDocumentStore>();
        await using var session = store.OpenSessionAs("test:bank");
        var stream = await session.Events.FetchForWriting<Application>(Guid.Parse(applicationId));
        var key = Guid.NewGuid();
        var requested = stream.Aggregate!.RequestDisbursement(key, on);
        requested.Error.ShouldBeNull();
        var afterRequest = Application.Fold(stream.Aggregate, requested.Events.Single())!;
        var paid = afterRequest.RecordDisbursement(key, $"TRF-{key:N}", on);
        paid.Error.ShouldBeNull();
        stream.AppendMany([.. requested.Events, .. paid.Events]);
        await session.SaveChangesAsync();
    }
}

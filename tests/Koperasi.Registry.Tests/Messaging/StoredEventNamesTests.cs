using Koperasi.Registry.Cooperatives;
using Koperasi.Testing;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Koperasi.Registry.Tests.Messaging;

/// <summary>
/// The koperasi's private events were renamed so they no longer reuse the contracts' names
/// (<c>CooperativeRegistered</c> is now <see cref="RegistrationRecorded"/>, <c>RatReported</c> is
/// <see cref="RatRecorded"/>). Streams stored under the old class names still load: Marten reads
/// the stored event name ("cooperative-registered"), which stays.
/// </summary>
public sealed class StoredEventNamesTests(RegistryHost registry) : IClassFixture<RegistryHost>
{
    [Fact]
    public async Task A_stream_stored_under_the_old_class_names_still_loads()
    {
        var token = TestContext.Current.CancellationToken;
        var name = $"Koperasi Nama Lama {Guid.NewGuid():N}";
        var registered = await Api.RegisterAsync(registry.CreateClient(), Api.Registration(name, rats: Api.Rat(2024, "2025-03-20")));
        var id = Guid.Parse(registered["id"]!.GetValue<string>());

        var store = registry.Services.GetRequiredService<IDocumentStore>();
        await using (var connection = new NpgsqlConnection(TestInfrastructure.TestDatabase("registry")))
        {
            await connection.OpenAsync(token);
            await using var update = connection.CreateCommand();
            update.CommandText =
                $"update {store.Options.Events.DatabaseSchemaName}.mt_events set mt_dotnet_type = case type " +
                "when 'cooperative-registered' then 'Koperasi.Registry.Cooperatives.CooperativeRegistered, Koperasi.Registry' " +
                "when 'rat-reported' then 'Koperasi.Registry.Cooperatives.RatReported, Koperasi.Registry' end " +
                "where stream_id = @id and type in ('cooperative-registered', 'rat-reported')";
            update.Parameters.AddWithValue("id", id);
            (await update.ExecuteNonQueryAsync(token)).ShouldBe(2);
        }

        await using var session = store.QuerySession();
        var events = await session.Events.FetchStreamAsync(id, token: token);
        events.Single(e => e.EventTypeName == "cooperative-registered").Data.ShouldBeOfType<RegistrationRecorded>().Profile.Name.ShouldBe(name);
        events.Single(e => e.EventTypeName == "rat-reported").Data.ShouldBeOfType<RatRecorded>().FinancialYear.ShouldBe(2024);
        var cooperative = (await session.Events.AggregateStreamAsync<Cooperative>(id, token: token)).ShouldNotBeNull();
        (cooperative.Name, cooperative.Rats.Count).ShouldBe((name, 1));
    }
}

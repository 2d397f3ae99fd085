using System.Net;
using JasperFx.Events;
using Koperasi.Funding.Applications;
using Koperasi.Funding.Messaging;
using Koperasi.ServiceDefaults.Messaging;
using Koperasi.Testing;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Koperasi.Funding.Tests.Messaging;

/// <summary>
/// The decree event was once the class <c>GrantDecreed</c> and carried seven submission fields only
/// for publishing. A stream stored that way still loads (the stored name is "grant-decreed", not
/// the class), and the relay's map publishes the same contract from the application as of the
/// event.
/// </summary>
public sealed class StoredEventCompatibilityTests(FundingHost funding) : IClassFixture<FundingHost>
{
    private readonly HttpClient _admin = funding.CreateClient();

    [Fact]
    public async Task A_decree_stored_under_the_old_class_with_its_submission_fields_still_loads_and_maps_to_the_same_contract()
    {
        var token = TestContext.Current.CancellationToken;
        var programmeId = Api.Id(await Api.OpenProgrammeAsync(_admin));
        var id = await Api.EligibleAsync(_admin, Api.Application(programmeId, regency: "1503", category: "wirausaha-pemula"));
        var batch = Api.Batch(id);
        using (var decreed = await IfMatch.PostAsync(_admin, $"/api/funding/programmes/{programmeId}/decree-batches", batch))
        {
            decreed.StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var applicationId = Guid.Parse(id);
        var store = funding.Services.GetRequiredService<IDocumentStore>();
        await RewriteAsOldAsync(store, applicationId, token);

        await using var session = store.QuerySession();
        var stored = (await session.Events.FetchStreamAsync(applicationId, token: token)).Single(e => e.EventTypeName == "grant-decreed");
        var awarded = stored.Data.ShouldBeOfType<GrantAwarded>();
        (awarded.ApplicationId, awarded.Amount, awarded.DecreeNumber).ShouldBe((applicationId, 20_000_000m, batch["decreeNumber"]!.GetValue<string>()));
        var application = (await session.Events.AggregateStreamAsync<Application>(applicationId, token: token)).ShouldNotBeNull();
        (application.Status, application.Decree?.Amount).ShouldBe((ApplicationStatus.Decreed, 20_000_000m));

        var contract = (await new FundingIntegrationEvents().MapAsync(stored, new StreamStates(store), token))
            .ShouldBeOfType<Koperasi.Contracts.Funding.GrantDecreed>();
        (contract.ApplicationId, contract.ApplicantId, contract.ProgrammeId, contract.ProgrammeYear, contract.Category, contract.RegencyCode, contract.Kecamatan, contract.CooperativeId)
            .ShouldBe((applicationId, application.ApplicantId, Guid.Parse(programmeId), application.ProgrammeYear, "wirausaha-pemula", "1503", "Pelawan", (Guid?)null));
        (contract.Amount, contract.DecreeNumber, contract.StreamVersion).ShouldBe((20_000_000m, awarded.DecreeNumber, stored.Version));
    }

    [Fact]
    public async Task The_map_takes_the_submission_fields_of_a_decree_from_the_application_as_of_the_event()
    {
        var token = TestContext.Current.CancellationToken;
        var programmeId = Api.Id(await Api.OpenProgrammeAsync(_admin));
        var id = await Api.EligibleAsync(_admin, Api.Application(programmeId, regency: "1571", category: "wirausaha-pemula"));
        using (var decreed = await IfMatch.PostAsync(_admin, $"/api/funding/programmes/{programmeId}/decree-batches", Api.Batch(id)))
        {
            decreed.StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var store = funding.Services.GetRequiredService<IDocumentStore>();
        await using var session = store.QuerySession();
        var stored = (await session.Events.FetchStreamAsync(Guid.Parse(id), token: token)).Single(e => e.Data is GrantAwarded);
        var states = new RecordingStates(new StreamStates(store));

        var contract = (await new FundingIntegrationEvents().MapAsync(stored, states, token)).ShouldBeOfType<Koperasi.Contracts.Funding.GrantDecreed>();

        states.Read.ShouldBe([(stored.StreamId, stored.Version)]);
        var submitted = (await session.Events.FetchStreamAsync(Guid.Parse(id), token: token)).Select(e => e.Data).OfType<ApplicationSubmitted>().Single();
        (contract.ApplicantId, contract.ProgrammeId, contract.ProgrammeYear, contract.Category, contract.RegencyCode, contract.Kecamatan)
            .ShouldBe((submitted.ApplicantId, submitted.ProgrammeId, submitted.ProgrammeYear, submitted.Category, submitted.RegencyCode, submitted.Kecamatan));
    }

    /// <summary>Writes the stored decree back as the service wrote it before the rename.</summary>
    private static async Task RewriteAsOldAsync(IDocumentStore store, Guid applicationId, CancellationToken token)
    {
        var schema = store.Options.Events.DatabaseSchemaName;
        await using var connection = new NpgsqlConnection(TestInfrastructure.TestDatabase("funding"));
        await connection.OpenAsync(token);
        await using var update = connection.CreateCommand();
        update.CommandText =
            $"update {schema}.mt_events set mt_dotnet_type = 'Koperasi.Funding.Applications.GrantDecreed, Koperasi.Funding', " +
            "data = data || jsonb_build_object('applicantId', gen_random_uuid(), 'programmeId', gen_random_uuid(), 'programmeYear', 1999, " +
            "'category', 'old-category', 'regencyCode', '1501', 'kecamatan', 'Old', 'cooperativeId', null) " +
            "where stream_id = @id and type = 'grant-decreed'";
        update.Parameters.AddWithValue("id", applicationId);
        (await update.ExecuteNonQueryAsync(token)).ShouldBe(1);
    }

    private sealed class RecordingStates(IStreamStates inner) : IStreamStates
    {
        public List<(Guid, long)> Read { get; } = [];

        public Task<T> AsOfAsync<T>(IEvent committed, CancellationToken cancellationToken) where T : class
        {
            Read.Add((committed.StreamId, committed.Version));
            return inner.AsOfAsync<T>(committed, cancellationToken);
        }
    }
}

using Koperasi.Funding.Applicants;
using Koperasi.Funding.Applications;
using Koperasi.Funding.Programmes;
using Koperasi.ServiceDefaults.Decisions;
using Koperasi.ServiceDefaults.Persistence;
using Koperasi.ServiceDefaults.PersonalData;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Koperasi.Funding.Tests;

/// <summary>
/// Eligible applications written straight into the store through the aggregate's own decisions,
/// each applicant's record in the vault as a submission leaves it, for tests whose subject is what
/// comes after (decree batches under concurrency, reports, disbursement): many of them quickly,
/// without the HTTP round trips of the flow.
/// </summary>
public static class Seed
{
    private static readonly DateOnly Today = new(2026, 3, 10);

    public static async Task<IReadOnlyList<Guid>> EligibleAsync(
        IServiceProvider services, string programmeId, int count, string regency = "1503", string kecamatan = "Pelawan", string category = "wirausaha-pemula")
    {
        await using var scope = services.CreateAsyncScope();
        var vault = scope.ServiceProvider.GetRequiredService<IPersonalDataVault>();
        var store = services.GetRequiredService<IDocumentStore>();
        await using var session = store.OpenSessionAs("test:seed");
        var programme = await session.LoadAsync<Programme>(Guid.Parse(programmeId)) ?? throw new InvalidOperationException("No such programme.");
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var birthDate = new DateOnly(1990, 7, 15);
            var command = new SubmitApplicationCommand(
                Guid.CreateVersion7(), Guid.CreateVersion7(), new NikStructure.Parts(15, 7, Sex.Female), programme.Id, category, Sex.Female,
                birthDate, regency, kecamatan, Occupation.Trader, false, null, "Keripik", null);
            var events = new List<object>(Accepted(Application.Submit(command, programme, false, [], Today)));
            Application State() => events.Aggregate((Application?)null, Application.Fold)!;
            events.AddRange(Accepted(State().CheckDocuments(true, [], null, Today)));
            events.AddRange(Accepted(State().VerifyInField(new FieldVisit(Today, "Usaha ada", true, false, []), "test:seed", Today)));
            events.AddRange(Accepted(State().DecideEligibility(true, [], null, programme, [], Today)));
            session.Events.StartStream<Application>(command.ApplicationId, events);
            var nik = Api.Nik("female", "1990-07-15");
            var record = new ApplicantRecord(nik, "Penerima Uji", "081200000000");
            vault.Store(session, command.ApplicantId, record, nik);
            session.Store(ApplicantCard.For(command.ApplicantId, record));
            ids.Add(command.ApplicationId);
        }

        await session.SaveChangesAsync();
        return ids;
    }

    private static IReadOnlyList<object> Accepted(Decision decision) =>
        decision.Error is null ? decision.Events : throw new InvalidOperationException(decision.Error.Detail);
}

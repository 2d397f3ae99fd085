using System.Net;
using Koperasi.Contracts.Funding;
using Koperasi.Testing;

namespace Koperasi.Funding.Tests.Messaging;

/// <summary>
/// What subscribers receive during one application's life: the documented contracts, the event id
/// as message id, the applicant as a pseudonym, and no NIK, name, phone or bank account anywhere in a message.
/// </summary>
public sealed class PublishedContractTests : IAsyncLifetime
{
    private static readonly string[] Contracts =
    [
        "koperasi:funding:application-submitted:v1",
        "koperasi:funding:grant-decreed:v1",
        "koperasi:funding:grant-disbursed:v1",
        "koperasi:funding:grant-monitored:v1",
    ];

    private readonly IsolatedFundingHost _funding = new("published");
    private BrokerProbe _probe = null!;

    public async ValueTask InitializeAsync()
    {
        _probe = await BrokerProbe.SubscribeAsync(_funding.EntityPrefix, Contracts);
        await _funding.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _probe.DisposeAsync();
        await _funding.DisposeAsync();
    }

    [Fact]
    public async Task An_application_s_life_is_published_as_its_contracts_without_personal_data()
    {
        var admin = _funding.CreateClient();
        var programmeId = Api.Id(await Api.OpenProgrammeAsync(admin));
        var nik = Api.Nik();
        var body = Api.Application(programmeId, nik, regency: "1503", name: "Nurhayati Probe");
        var id = await Api.EligibleAsync(admin, body);
        using var batch = await IfMatch.PostAsync(admin, $"/api/funding/programmes/{programmeId}/decree-batches", Api.Batch(id));
        batch.StatusCode.ShouldBe(HttpStatusCode.Created);
        var account = Disbursements.Account("Nurhayati Probe");
        await Disbursements.PayAsync(admin, id, account);
        await Api.StepAsync(admin, id, "monitoring-visits", Api.Visit());

        bool Ours(System.Text.Json.JsonElement m) => m.GetProperty("applicationId").GetString() == id;
        var submitted = (await _probe.WaitForAsync(Contracts[0], Ours)).As<GrantApplicationSubmitted>();
        var decreed = await _probe.WaitForAsync(Contracts[1], Ours);
        var disbursed = (await _probe.WaitForAsync(Contracts[2], Ours)).As<GrantDisbursed>();
        var monitored = (await _probe.WaitForAsync(Contracts[3], Ours)).As<GrantMonitored>();

        (submitted.StreamVersion, submitted.RegencyCode, submitted.Kecamatan, submitted.Category).ShouldBe((1, "1503", "Pelawan", "wirausaha-pemula"));
        decreed.As<GrantDecreed>().Amount.ShouldBe(20_000_000m);

        // The decree and the disbursement repeat what the application was submitted with (the map
        // reads it from the application, not from their events).
        var grant = decreed.As<GrantDecreed>();
        (grant.ApplicantId, grant.ProgrammeId, grant.ProgrammeYear, grant.Category, grant.RegencyCode, grant.Kecamatan, grant.CooperativeId)
            .ShouldBe((submitted.ApplicantId, submitted.ProgrammeId, submitted.ProgrammeYear, submitted.Category, submitted.RegencyCode, submitted.Kecamatan, submitted.CooperativeId));
        (disbursed.ProgrammeId, disbursed.ProgrammeYear, disbursed.RegencyCode, disbursed.CooperativeId, disbursed.Amount)
            .ShouldBe((submitted.ProgrammeId, submitted.ProgrammeYear, submitted.RegencyCode, submitted.CooperativeId, 20_000_000m));
        (disbursed.ApplicantId, monitored.ApplicantId).ShouldBe((submitted.ApplicantId, submitted.ApplicantId));
        (monitored.FundsUsedAsPlanned, monitored.MonthlyRevenue).ShouldBe((true, 3_500_000m));
        new[] { monitored.StreamVersion, disbursed.StreamVersion, decreed.As<GrantDecreed>().StreamVersion }.ShouldBeInOrder(SortDirection.Descending);

        foreach (var message in _probe.Received)
        {
            var json = message.Message.GetRawText() + message.Headers.ToString();
            json.ShouldNotContain(nik);
            json.ShouldNotContain(Koperasi.ServiceDefaults.PersonalData.Nik.Mask(nik));
            json.ShouldNotContain("Nurhayati Probe");
            json.ShouldNotContain("081234567890");
            json.ShouldNotContain("Lintas Sumatera");
            json.ShouldNotContain(account["accountNumber"]!.GetValue<string>());
        }

        // Each event travels under its own id, the subscribers' dedupe key.
        _probe.Received.Where(m => Ours(m.Message)).Select(m => m.MessageId).Distinct().Count().ShouldBe(4);
    }
}

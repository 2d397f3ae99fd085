extern alias funding;

using System.Net;
using System.Text.Json.Nodes;
using funding::Koperasi.Funding.Cooperatives;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Koperasi.EndToEnd.Tests;

/// <summary>
/// Funding and the Registry together: a grant naming a koperasi is decreed only once the register
/// says the koperasi is aktif, and the grant paid shows on the koperasi as government aid.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class GrantTests(Platform platform)
{
    private const string Today = "2026-11-22";

    private static JsonObject Programme() => new()
    {
        ["year"] = 2026,
        ["name"] = "Dumisake UMKM 2026",
        ["budget"] = 1_000_000_000,
        ["targetRecipients"] = 100,
        ["categories"] = new JsonArray(new JsonObject { ["code"] = "wirausaha-pemula", ["name"] = "Wirausaha pemula", ["amount"] = 20_000_000 }),
        ["referenceDate"] = "2026-01-01",
        ["window"] = new JsonObject { ["opens"] = "2026-01-01", ["closes"] = "2026-12-31" },
    };

    // A synthetic applicant: a woman born 15 July 1990, first registered in Sarolangun.
    private static JsonObject Application(Guid programmeId, Guid cooperativeId) => new()
    {
        ["programmeId"] = programmeId,
        ["nik"] = "1503015507900001",
        ["name"] = "Siti Rahmawati",
        ["sex"] = "female",
        ["birthDate"] = "1990-07-15",
        ["address"] = new JsonObject { ["regencyCode"] = "1503", ["kecamatan"] = "Pelawan", ["street"] = "Jl. Lintas Sumatera 12" },
        ["phone"] = "081234567890",
        ["occupation"] = "trader",
        ["declaredKurDebtor"] = false,
        ["category"] = "wirausaha-pemula",
        ["businessDescription"] = "Keripik pisang dan ubi",
        ["cooperativeId"] = cooperativeId,
    };

    private async Task<string?> ActivityInFundingAsync(Guid cooperativeId)
    {
        await using var session = platform.Funding.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return (await session.LoadAsync<CooperativeReplica>(cooperativeId))?.Activity?.Value.Status;
    }

    private Task UntilFundingSeesAsync(Guid cooperativeId, string activity) =>
        Koperasi.Testing.Eventually.UntilAsync(async () => await ActivityInFundingAsync(cooperativeId) == activity, $"Funding to know the koperasi as {activity}");

    private static JsonObject Batch(Guid applicationId) => new()
    {
        ["decreeNumber"] = $"188.4/{Guid.NewGuid():N}/KPTS/DISKOP",
        ["decreeDate"] = Today,
        ["applicationIds"] = new JsonArray(applicationId),
    };

    [Fact]
    public async Task A_grant_is_decreed_once_the_register_makes_its_koperasi_aktif_and_its_payment_shows_as_government_aid()
    {
        var (registry, funding) = (platform.RegistryClient, platform.FundingClient);
        // Founded in 2015 with no RAT since: tidak aktif in the register, from the day the third year was missed.
        var koperasi = await Register.RegisterAsync(registry, Register.Koperasi($"Koperasi Usaha {Guid.NewGuid():N}", 40, regency: "1503", withRats: false, decreeDate: "2015-03-02"));
        Api.Text((await Register.ReadAsync(registry, koperasi))["activity"]).ShouldBe("tidak-aktif");
        await UntilFundingSeesAsync(koperasi, "tidak-aktif");
        // Each write to an existing stream sends If-Match: the version of the answer before it.
        var programme = await Api.SendAsync(funding, HttpMethod.Post, "/api/funding/programmes", Programme(), HttpStatusCode.Created);
        var programmeId = Api.Id(programme);
        var submitted = await Api.SendAsync(funding, HttpMethod.Post, "/api/funding/applications", Application(programmeId, koperasi), HttpStatusCode.Created);
        var application = Api.Id(submitted);
        var checkedDocuments = await Api.SendAsync(funding, HttpMethod.Post, $"/api/funding/applications/{application}/documents-check", new JsonObject { ["complete"] = true }, ifMatch: VersionOf(submitted));
        var verified = await Api.SendAsync(funding, HttpMethod.Post, $"/api/funding/applications/{application}/field-verification", new JsonObject
        {
            ["visitedOn"] = Today,
            ["findings"] = "Usaha berjalan, peralatan lengkap",
            ["businessFound"] = true,
            ["kurDebtorFound"] = false,
            ["photoReferences"] = new JsonArray("foto/verifikasi-1.jpg"),
        }, ifMatch: VersionOf(checkedDocuments));
        var eligible = await Api.SendAsync(funding, HttpMethod.Post, $"/api/funding/applications/{application}/eligibility", new JsonObject { ["eligible"] = true }, ifMatch: VersionOf(verified));

        var refused = await Api.SendAsync(funding, HttpMethod.Post, $"/api/funding/programmes/{programmeId}/decree-batches", Batch(application), HttpStatusCode.UnprocessableEntity, VersionOf(programme));
        Api.Text(refused["rule"]).ShouldBe("cooperative-not-active");

        // The RAT of 2025 makes it aktif again in the register, which tells Funding.
        var registered = await Register.ReadAsync(registry, koperasi);
        await Api.SendAsync(registry, HttpMethod.Post, $"{Register.Cooperatives}/{koperasi}/rat-reports", Register.Rat(2025, "2026-03-02", 40), HttpStatusCode.Created, VersionOf(registered));
        await UntilFundingSeesAsync(koperasi, "aktif");
        await Api.SendAsync(funding, HttpMethod.Post, $"/api/funding/programmes/{programmeId}/decree-batches", Batch(application), HttpStatusCode.Created, VersionOf(programme));
        var decreed = await Api.GetAsync(funding, $"/api/funding/applications/{application}");
        Api.Text(decreed["status"]).ShouldBe("decreed");
        VersionOf(decreed).ShouldBe(VersionOf(eligible) + 1);

        // The officer orders the payment into the recipient's account; Funding's processor pays it through the bank.
        var account = new JsonObject { ["bankCode"] = "002", ["accountNumber"] = "7300000001", ["accountHolder"] = "Siti Rahmawati" };
        await Api.SendAsync(funding, HttpMethod.Post, $"/api/funding/applications/{application}/disbursement", account, ifMatch: VersionOf(decreed));
        var paid = await Api.UntilAsync(() => Api.GetAsync(funding, $"/api/funding/applications/{application}"), a => Api.Text(a["status"]) == "disbursed", "the bank to pay the grant");
        var key = paid["disbursement"]!["disbursementId"]!.GetValue<Guid>().ToString();
        platform.Bank.Ledger.Transfers.Count(t => t.IdempotencyKey == key).ShouldBe(1);

        var aided = await Api.UntilAsync(() => Register.ReadAsync(registry, koperasi), k => k["receivedGovernmentAid"]!.GetValue<bool>(), "the register to record the aid");
        var aid = aided["governmentAid"]!.AsArray().Single()!;
        (Api.Text(aid["programme"]), aid["year"]!.GetValue<int>(), aid["amount"]!.GetValue<decimal>(), Api.Text(aid["disbursedOn"]), aid["applicationId"]!.GetValue<Guid>())
            .ShouldBe(("Dumisake", 2026, 20_000_000m, Today, application));
        (await Register.HistoryAsync(registry, koperasi))[^1].ShouldBe("government-aid-received");
    }

    private static long VersionOf(JsonObject resource) => resource["version"]!.GetValue<long>();
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koperasi.ServiceDefaults.Identity;

namespace Koperasi.Funding.Tests.Export;

/// <summary>Who read an applicant's data in clear, when and why, and its erasure: what the vault recorded, and nothing of the data.</summary>
public class AccessLogEndpointTests(FundingHost funding) : IClassFixture<FundingHost>
{
    private readonly HttpClient _admin = funding.CreateClient();
    private readonly HttpClient _auditor = funding.CreateClientAs(KoperasiRoles.Auditor);

    private static JsonObject Purpose(string purpose) => new() { ["purpose"] = purpose };

    private static async Task RevealAsync(HttpClient client, string applicationId, string purpose)
    {
        using var response = await client.PostAsJsonAsync($"/api/funding/applications/{applicationId}/applicant/reveal", Purpose(purpose));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_log_lists_each_read_in_clear_and_the_erasure_with_who_role_and_why_and_no_personal_data()
    {
        var programmeId = Api.Id(await Api.OpenProgrammeAsync(_admin));
        var nik = Api.Nik();
        var name = $"Dibaca Uji {Guid.NewGuid().ToString("N")[..8]}";
        var application = await Api.SubmitAsync(_admin, Api.Application(programmeId, nik, name: name, regency: "1503"));
        var (applicationId, applicantId) = (Api.Id(application), application["applicant"]!["id"]!.GetValue<string>());
        var url = $"/api/funding/applicants/{applicantId}/access-log";

        var unread = await Api.GetAsync(_auditor, url);
        (unread["applicantId"]!.GetValue<string>(), unread["erased"]!.GetValue<bool>(), unread["entries"]!.AsArray().Count).ShouldBe((applicantId, false, 0));

        await RevealAsync(funding.CreateClientAs(KoperasiRoles.Verifikator), applicationId, "Cek data bank");
        using (var refused = await funding.CreateClientAs(KoperasiRoles.Pendamping, "1503").PostAsJsonAsync(
            $"/api/funding/applications/{applicationId}/applicant/reveal", Purpose($"Konfirmasi NIK {nik} di lapangan")))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, "a purpose that carries a NIK is refused, so the log never keeps one");
        }

        await RevealAsync(funding.CreateClientAs(KoperasiRoles.Pendamping, "1503"), applicationId, "Konfirmasi data di lapangan");
        using (var erased = await _admin.PostAsJsonAsync($"/api/funding/applicants/{applicantId}/erasure", new JsonObject { ["reason"] = "Permintaan penghapusan (UU PDP)" }))
        {
            erased.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var response = await _auditor.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        var log = JsonNode.Parse(body)!.AsObject();
        log["erased"]!.GetValue<bool>().ShouldBeTrue();
        var entries = log["entries"]!.AsArray().Select(e => (
            Kind: e!["kind"]!.GetValue<string>(), Actor: e["actor"]!.GetValue<string>(), Role: e["role"]!.GetValue<string>(), Purpose: e["purpose"]!.GetValue<string>())).ToList();
        entries.ShouldBe(
        [
            ("read", "test-verifikator", "verifikator", "Cek data bank"),
            ("read", "test-pendamping", "pendamping", "Konfirmasi data di lapangan"),
            ("erasure", "test-admin-provinsi", "admin-provinsi", "Permintaan penghapusan (UU PDP)"),
        ]);
        var times = log["entries"]!.AsArray().Select(e => e!["at"]!.GetValue<DateTimeOffset>()).ToList();
        times.ShouldBe(times.Order());
        foreach (var personal in new[] { nik, name, "081234567890", "Lintas Sumatera" })
        {
            body.ShouldNotContain(personal);
        }

        (await Api.GetAsync(_admin, url))["entries"]!.AsArray().Count.ShouldBe(3);
    }

    [Fact]
    public async Task An_unknown_applicant_answers_404()
    {
        using var response = await _auditor.GetAsync(new Uri($"/api/funding/applicants/{Guid.NewGuid()}/access-log", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await Api.ProblemAsync(response);
    }

    [Fact]
    public async Task Those_who_reveal_do_not_read_the_log_of_their_own_reads()
    {
        var programmeId = Api.Id(await Api.OpenProgrammeAsync(_admin));
        var applicantId = (await Api.SubmitAsync(_admin, Api.Application(programmeId, regency: "1503")))["applicant"]!["id"]!.GetValue<string>();
        foreach (var client in new[] { funding.CreateClientAs(KoperasiRoles.Verifikator), funding.CreateClientAs(KoperasiRoles.Pendamping, "1503") })
        {
            using var response = await client.GetAsync(new Uri($"/api/funding/applicants/{applicantId}/access-log", UriKind.Relative));
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koperasi.ServiceDefaults.Identity;
using Koperasi.Testing;

namespace Koperasi.Funding.Tests.Security;

/// <summary>A pendamping submits, verifies, monitors and reads only in its own regencies.</summary>
public class RegencyScopingTests(FundingHost funding) : IClassFixture<FundingHost>
{
    private readonly HttpClient _admin = funding.CreateClient();
    private readonly HttpClient _pendampingSarolangun = funding.CreateClientAs(KoperasiRoles.Pendamping, "1503");
    private readonly HttpClient _pendampingKerinci = funding.CreateClientAs(KoperasiRoles.Pendamping, "15.01");

    private static async Task ShouldBeOutsideAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Api.ProblemAsync(response))["rule"]!.GetValue<string>().ShouldBe("outside-your-regency");
    }

    [Fact]
    public async Task A_pendamping_submits_only_for_applicants_of_its_regencies()
    {
        var programmeId = Api.Id(await Api.OpenProgrammeAsync(_admin));

        using var elsewhere = await _pendampingKerinci.PostAsJsonAsync("/api/funding/applications", Api.Application(programmeId, regency: "1503"));
        await ShouldBeOutsideAsync(elsewhere);

        var own = await Api.SubmitAsync(_pendampingSarolangun, Api.Application(programmeId, regency: "15.03"));
        own["regencyCode"]!.GetValue<string>().ShouldBe("1503");
    }

    [Fact]
    public async Task A_pendamping_verifies_and_monitors_only_in_its_regencies_and_the_record_names_who_did()
    {
        var programmeId = Api.Id(await Api.OpenProgrammeAsync(_admin));
        var id = Api.Id(await Api.SubmitAsync(_admin, Api.Application(programmeId, regency: "1503")));
        await Api.StepAsync(_admin, id, "documents-check", Api.Documents());

        using var foreign = await IfMatch.PostAsync(_pendampingKerinci, $"/api/funding/applications/{id}/field-verification", Api.FieldVisit());
        await ShouldBeOutsideAsync(foreign);

        var verified = await Api.StepAsync(_pendampingSarolangun, id, "field-verification", Api.FieldVisit());
        verified["fieldVerification"]!["verifiedBy"]!.GetValue<string>().ShouldBe("test-pendamping");
        await Api.StepAsync(_admin, id, "eligibility", Api.Eligibility());
        using var batch = await IfMatch.PostAsync(_admin, $"/api/funding/programmes/{programmeId}/decree-batches", Api.Batch(id));
        await Disbursements.PayAsync(_admin, id);

        using var foreignVisit = await IfMatch.PostAsync(_pendampingKerinci, $"/api/funding/applications/{id}/monitoring-visits", Api.Visit());
        await ShouldBeOutsideAsync(foreignVisit);
        (await Api.StepAsync(_pendampingSarolangun, id, "monitoring-visits", Api.Visit()))["visits"]![0]!["visitedBy"]!.GetValue<string>().ShouldBe("test-pendamping");
    }

    [Fact]
    public async Task A_pendamping_reads_and_lists_only_the_applications_of_its_regencies()
    {
        var programmeId = Api.Id(await Api.OpenProgrammeAsync(_admin));
        var sarolangun = Api.Id(await Api.SubmitAsync(_admin, Api.Application(programmeId, regency: "1503")));
        var kerinci = Api.Id(await Api.SubmitAsync(_admin, Api.Application(programmeId, regency: "1501")));

        using var foreign = await _pendampingKerinci.GetAsync(new Uri($"/api/funding/applications/{sarolangun}", UriKind.Relative));
        await ShouldBeOutsideAsync(foreign);

        var list = await Api.GetAsync(_pendampingKerinci, $"/api/funding/applications?programmeId={programmeId}");
        list["items"]!.AsArray().Select(a => a!["id"]!.GetValue<string>()).ShouldBe([kerinci]);
        (await Api.GetAsync(_admin, $"/api/funding/applications?programmeId={programmeId}"))["totalCount"]!.GetValue<int>().ShouldBe(2);
    }

    [Fact]
    public async Task A_pendamping_reveals_only_applicants_of_its_regencies_and_an_auditor_never()
    {
        var programmeId = Api.Id(await Api.OpenProgrammeAsync(_admin));
        var id = Api.Id(await Api.SubmitAsync(_admin, Api.Application(programmeId, regency: "1503")));
        var purpose = new JsonObject { ["purpose"] = "Verifikasi lapangan" };

        using var foreign = await _pendampingKerinci.PostAsJsonAsync($"/api/funding/applications/{id}/applicant/reveal", purpose);
        await ShouldBeOutsideAsync(foreign);
        using var auditor = await funding.CreateClientAs(KoperasiRoles.Auditor).PostAsJsonAsync($"/api/funding/applications/{id}/applicant/reveal", purpose);
        auditor.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var own = await _pendampingSarolangun.PostAsJsonAsync($"/api/funding/applications/{id}/applicant/reveal", purpose);
        own.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

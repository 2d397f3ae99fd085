using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Koperasi.Funding.Tests.Export;
using Koperasi.ServiceDefaults.Identity;
using Koperasi.ServiceDefaults.PersonalData;
using Koperasi.Testing;

namespace Koperasi.Funding.Tests.Security;

/// <summary>
/// A masked NIK hides exactly the birth date: no view of any role that reads applications (the
/// application, the list, the history, the export, the answers of the steps it takes) carries
/// what completes it. Once an applicant is erased, no view shows the person at all.
/// </summary>
public class ApplicantDisclosureTests(FundingHost funding) : IClassFixture<FundingHost>
{
    private readonly HttpClient _admin = funding.CreateClient();

    private HttpClient As(string role) => funding.CreateClientAs(role, "1503");

    [Fact]
    public void The_attack_completes_a_masked_NIK_from_a_view_that_shows_the_birth_date_and_sex_and_not_from_an_age()
    {
        var nik = Api.Nik("female", "1990-07-15");
        var applicant = new JsonObject { ["maskedNik"] = Nik.Mask(nik) };
        var withBirthDate = new JsonObject { ["applicant"] = applicant.DeepClone(), ["sex"] = "female", ["birthDate"] = "1990-07-15" };
        var withAge = new JsonObject { ["applicant"] = applicant.DeepClone(), ["sex"] = "female", ["age"] = 35 };

        NikRebuild.Attempt(withBirthDate.ToJsonString(), []).ShouldContain(nik);
        NikRebuild.Attempt(withAge.ToJsonString(), [nik[..6]]).ShouldNotContain(nik);
    }

    [Fact]
    public async Task No_role_that_reads_applications_rebuilds_any_NIK_from_its_views_of_every_application_and_its_export()
    {
        var programmeId = Api.Id(await Api.OpenProgrammeAsync(_admin));
        var (pendamping, verifikator) = (As(KoperasiRoles.Pendamping), As(KoperasiRoles.Verifikator));
        var views = KoperasiRoles.All.ToDictionary(role => role, _ => new StringBuilder());
        void Saw(string role, JsonNode answer) => views[role].AppendLine(answer.ToJsonString());
        var people = new[] { ("female", "1988-03-21"), ("male", "1979-11-02"), ("female", "1995-12-30"), ("male", "2001-01-09") };
        var niks = people.Select(p => Api.Nik(p.Item1, p.Item2)).ToArray();
        var ids = new List<string>();
        for (var i = 0; i < people.Length; i++)
        {
            var (submitter, role) = i == 3 ? (_admin, KoperasiRoles.AdminProvinsi) : (pendamping, KoperasiRoles.Pendamping);
            var submitted = await Api.SubmitAsync(submitter, Api.Application(programmeId, niks[i], people[i].Item1, people[i].Item2, name: $"Pemohon Uji {i}"));
            Saw(role, submitted);
            ids.Add(Api.Id(submitted));
        }

        // The second goes all the way; the third is cancelled; every step by the role that takes it.
        Saw(KoperasiRoles.Verifikator, await Api.StepAsync(verifikator, ids[1], "documents-check", Api.Documents()));
        Saw(KoperasiRoles.Pendamping, await Api.StepAsync(pendamping, ids[1], "field-verification", Api.FieldVisit()));
        Saw(KoperasiRoles.Verifikator, await Api.StepAsync(verifikator, ids[1], "eligibility", Api.Eligibility()));
        using (var batch = await IfMatch.PostAsync(verifikator, $"/api/funding/programmes/{programmeId}/decree-batches", Api.Batch(ids[1])))
        {
            batch.StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        Saw(KoperasiRoles.Verifikator, await Disbursements.PayAsync(verifikator, ids[1]));
        Saw(KoperasiRoles.Pendamping, await Api.StepAsync(pendamping, ids[1], "monitoring-visits", Api.Visit()));
        Saw(KoperasiRoles.Verifikator, await Api.StepAsync(verifikator, ids[2], "documents-check", Api.Documents()));
        Saw(KoperasiRoles.Pendamping, await Api.StepAsync(pendamping, ids[2], "cancellation", new JsonObject { ["reason"] = "Pemohon mengundurkan diri" }));

        var readers = new List<string>();
        foreach (var role in KoperasiRoles.All)
        {
            var client = As(role);
            using var list = await client.GetAsync(new Uri($"/api/funding/applications?programmeId={programmeId}&pageSize=200", UriKind.Relative));
            if (list.StatusCode == HttpStatusCode.Forbidden)
            {
                continue;
            }

            readers.Add(role);
            var page = (await list.Content.ReadFromJsonAsync<JsonObject>())!;
            page["items"]!.AsArray().Select(a => a!["id"]!.GetValue<string>()).ShouldBe(ids, ignoreOrder: true, role);
            Saw(role, page);
            foreach (var id in ids)
            {
                var application = await Api.GetAsync(client, $"/api/funding/applications/{id}");
                application["birthDate"].ShouldBeNull(role);
                Saw(role, application);
                using var history = await client.GetAsync(new Uri($"/api/funding/applications/{id}/history", UriKind.Relative));
                if (history.StatusCode != HttpStatusCode.Forbidden)
                {
                    history.StatusCode.ShouldBe(HttpStatusCode.OK, role);
                    Saw(role, (await history.Content.ReadFromJsonAsync<JsonArray>())!);
                }
            }

            var export = await CsvFile.GetAsync(client, $"programmeId={programmeId}");
            export.Rows.Select(r => r[0]).ShouldBe(ids, ignoreOrder: true, role);
            views[role].AppendLine(export.Text);
        }

        readers.ShouldBe(KoperasiRoles.All.Where(FundingPolicies.All[FundingPolicies.ReadApplications].Contains), ignoreOrder: true);
        readers.ShouldNotBeEmpty();
        var regions = niks.Select(n => n[..6]).Distinct().ToList();
        foreach (var role in readers)
        {
            var view = views[role].ToString();
            var rebuilt = NikRebuild.Attempt(view, regions);
            niks.Where(rebuilt.Contains).ShouldBeEmpty($"{role} rebuilt a NIK from what it sees");
            foreach (var nik in niks)
            {
                // The officers do see the masked NIK (the attack had its prefix and suffix); the auditor sees none.
                view.Contains(Nik.Mask(nik), StringComparison.Ordinal).ShouldBe(ApplicantDisclosureOf(role), role);
            }
        }
    }

    [Fact]
    public async Task An_application_shows_the_age_on_the_programmes_reference_date_and_the_name_only_to_the_officers_who_work_it()
    {
        var programmeId = Api.Id(await Api.OpenProgrammeAsync(_admin));
        var nik = Api.Nik("male", "1979-11-02");
        var id = Api.Id(await Api.SubmitAsync(_admin, Api.Application(programmeId, nik, "male", "1979-11-02", name: "Budi Uji Usia")));

        foreach (var role in FundingPolicies.All[FundingPolicies.ReadApplications])
        {
            var application = await Api.GetAsync(As(role), $"/api/funding/applications/{id}");
            // Reference date 2026-01-01: 46 years old.
            (application["age"]!.GetValue<int>(), application["sex"]!.GetValue<string>()).ShouldBe((46, "male"), role);
            var applicant = application["applicant"]!;
            (applicant["name"]?.GetValue<string>(), applicant["maskedNik"]?.GetValue<string>()).ShouldBe(
                ApplicantDisclosureOf(role) ? ("Budi Uji Usia", Nik.Mask(nik)) : (null, null), role);
        }
    }

    [Fact]
    public async Task Every_answer_about_applications_is_marked_no_store()
    {
        var programmeId = Api.Id(await Api.OpenProgrammeAsync(_admin));
        using var submitted = await _admin.PostAsJsonAsync("/api/funding/applications", Api.Application(programmeId));
        submitted.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = Api.Id((await submitted.Content.ReadFromJsonAsync<JsonObject>())!);
        using var step = await IfMatch.PostAsync(_admin, $"/api/funding/applications/{id}/documents-check", Api.Documents());
        step.StatusCode.ShouldBe(HttpStatusCode.OK);

        foreach (var response in new[]
        {
            submitted,
            step,
            await _admin.GetAsync(new Uri($"/api/funding/applications?programmeId={programmeId}", UriKind.Relative)),
            await _admin.GetAsync(new Uri($"/api/funding/applications/{id}", UriKind.Relative)),
            await _admin.GetAsync(new Uri($"/api/funding/applications/{id}/history", UriKind.Relative)),
        })
        {
            response.IsSuccessStatusCode.ShouldBeTrue(response.RequestMessage!.RequestUri!.ToString());
            response.Headers.CacheControl?.NoStore.ShouldBe(true, response.RequestMessage.RequestUri.ToString());
        }
    }

    [Fact]
    public async Task After_an_erasure_no_role_sees_the_name_birth_date_sex_or_free_text_anywhere_and_the_reports_add_up()
    {
        var programme = await Api.OpenProgrammeAsync(_admin);
        var (programmeId, year) = (Api.Id(programme), programme["year"]!.GetValue<int>());
        var other = Api.Id(await Api.OpenProgrammeAsync(_admin));
        var third = Api.Id(await Api.OpenProgrammeAsync(_admin));
        var tag = Guid.NewGuid().ToString("N")[..10];
        var name = $"Terhapus {tag}";
        var texts = new[] { $"Usaha {tag}", $"Temuan {tag}", $"foto/{tag}-v.jpg", $"Catatan dokumen {tag}", $"Catatan kelayakan {tag}", $"Produksi {tag}", $"Kunjungan {tag}", $"foto/{tag}-m.jpg", $"Selesai {tag}", $"Mundur {tag}", $"Surat usaha {tag}", $"Temuan petugas {tag}" };
        var nik = Api.Nik("female", "1983-06-17");
        var application = Api.Application(programmeId, nik, "female", "1983-06-17", name: name);
        application["businessDescription"] = texts[0];
        var paid = Api.Id(await Api.SubmitAsync(_admin, application));
        var field = Api.FieldVisit();
        (field["findings"], field["photoReferences"]) = (texts[1], new JsonArray(texts[2]));
        await Api.StepAsync(_admin, paid, "documents-check", new JsonObject { ["complete"] = true, ["notes"] = texts[3] });
        await Api.StepAsync(_admin, paid, "field-verification", field);
        await Api.StepAsync(_admin, paid, "eligibility", new JsonObject { ["eligible"] = true, ["notes"] = texts[4] });
        using (var batch = await IfMatch.PostAsync(_admin, $"/api/funding/programmes/{programmeId}/decree-batches", Api.Batch(paid)))
        {
            batch.StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        await Disbursements.PayAsync(_admin, paid);
        var visit = Api.Visit();
        (visit["production"], visit["notes"], visit["photoReferences"]) = (texts[5], texts[6], new JsonArray(texts[7]));
        await Api.StepAsync(_admin, paid, "monitoring-visits", visit);
        await Api.StepAsync(_admin, paid, "closure", new JsonObject { ["notes"] = texts[8] });
        // The same person applies to another programme and withdraws: one applicant, two applications.
        var cancelled = Api.Id(await Api.SubmitAsync(_admin, Api.Application(other, nik, "female", "1983-06-17", name: name)));
        var applicantId = (await Api.GetAsync(_admin, $"/api/funding/applications/{cancelled}"))["applicant"]!["id"]!.GetValue<string>();
        await Api.StepAsync(_admin, cancelled, "cancellation", new JsonObject { ["reason"] = texts[9] });
        // And a third time, found not eligible by the officer's own finding.
        var refused = Api.Id(await Api.SubmitAsync(_admin, Api.Application(third, nik, "female", "1983-06-17", name: name)));
        await Api.StepAsync(_admin, refused, "documents-check", new JsonObject { ["complete"] = false, ["missing"] = new JsonArray(texts[10]) });
        await Api.StepAsync(_admin, refused, "documents-check", Api.Documents());
        await Api.StepAsync(_admin, refused, "field-verification", Api.FieldVisit());
        await Api.StepAsync(_admin, refused, "eligibility", new JsonObject { ["eligible"] = false, ["reasons"] = new JsonArray(texts[11]) });
        var before = await ReportsWhenAsync(year, r => r.Contains("\"monitored\":1", StringComparison.Ordinal));
        var shownBefore = await ViewsAsync(KoperasiRoles.AdminProvinsi, [paid, cancelled, refused], [programmeId, other, third]);
        foreach (var personal in texts.Append(name).Append(Nik.Mask(nik)))
        {
            shownBefore.ShouldContain(personal, Case.Sensitive);
        }

        using var erased = await _admin.PostAsJsonAsync($"/api/funding/applicants/{applicantId}/erasure", new JsonObject { ["reason"] = "Permintaan penghapusan (UU PDP)" });
        erased.StatusCode.ShouldBe(HttpStatusCode.OK);

        foreach (var role in FundingPolicies.All[FundingPolicies.ReadApplications])
        {
            var views = await ViewsAsync(role, [paid, cancelled, refused], [programmeId, other, third]);
            foreach (var personal in texts.Append(name).Append("1983-06-17").Append(Nik.Mask(nik)))
            {
                views.ShouldNotContain(personal, Case.Sensitive, role);
            }

            foreach (var id in new[] { paid, cancelled, refused })
            {
                var shown = await Api.GetAsync(As(role), $"/api/funding/applications/{id}");
                (shown["sex"], shown["age"], shown["applicant"]!["erased"]!.GetValue<bool>()).ShouldBe((null, null, true), role);
            }
        }

        var history = (await _admin.GetFromJsonAsync<JsonArray>(new Uri($"/api/funding/applications/{paid}/history", UriKind.Relative)))!;
        history[0]!["data"]!["sex"].ShouldBeNull();
        history.Count.ShouldBeGreaterThan(5);
        var refusal = (await _admin.GetFromJsonAsync<JsonArray>(new Uri($"/api/funding/applications/{refused}/history", UriKind.Relative)))!;
        refusal[^1]!["data"]!["reasons"]![0]!["rule"]!.GetValue<string>().ShouldBe("officer-finding");
        (await ReportsWhenAsync(year, _ => true)).ShouldBe(before);
    }

    private static bool ApplicantDisclosureOf(string role) => role != KoperasiRoles.Auditor;

    /// <summary>Everything a role reads of the applications: each one, its history when the role may read it, the lists and exports of their programmes.</summary>
    private async Task<string> ViewsAsync(string role, string[] ids, string[] programmeIds)
    {
        var client = As(role);
        var text = new StringBuilder();
        foreach (var id in ids)
        {
            text.AppendLine((await Api.GetAsync(client, $"/api/funding/applications/{id}")).ToJsonString());
            using var history = await client.GetAsync(new Uri($"/api/funding/applications/{id}/history", UriKind.Relative));
            text.AppendLine(await history.Content.ReadAsStringAsync());
        }

        foreach (var programmeId in programmeIds)
        {
            text.AppendLine((await Api.GetAsync(client, $"/api/funding/applications?programmeId={programmeId}")).ToJsonString());
            text.AppendLine((await CsvFile.GetAsync(client, $"programmeId={programmeId}")).Text);
        }

        return text.ToString();
    }

    private Task<string> ReportsWhenAsync(int year, Func<string, bool> caughtUp) =>
        Eventually.ValueAsync(async () =>
        {
            var reports = (await Api.GetAsync(_admin, $"/api/funding/reports/recipients?year={year}&groupBy=year,regency,kecamatan,category")).ToJsonString()
                + (await Api.GetAsync(_admin, $"/api/funding/reports/monitoring?year={year}")).ToJsonString();
            return caughtUp(reports) ? reports : null;
        }, $"the reports of {year}");
}

using System.Net;
using System.Text.Json.Nodes;
using Koperasi.ServiceDefaults.Identity;
using static Koperasi.Registry.Tests.Supervision.SupervisionApi;

namespace Koperasi.Registry.Tests.Supervision;

/// <summary>Pembina, supervision records and follow-ups over HTTP on the real PostgreSQL (today: 22 November 2026).</summary>
public class SupervisionEndpointTests(RegistryHost registry) : IClassFixture<RegistryHost>
{
    private const string Merangin = "1502";
    private readonly HttpClient _admin = registry.CreateClient();
    private readonly HttpClient _pembinaMerangin = registry.CreateClientAs(KoperasiRoles.Pembina, Merangin);
    private readonly HttpClient _pembinaKerinci = registry.CreateClientAs(KoperasiRoles.Pembina, "1501");
    private readonly HttpClient _auditor = registry.CreateClientAs(KoperasiRoles.Auditor);

    // The token of a pembina client names the user "test-pembina".
    private const string PembinaUser = "test-pembina";

    private async Task<JsonObject> RegisterInMeranginAsync() =>
        await Api.RegisterAsync(_admin, InBangko(Api.Rat(2025, "2026-03-01")));

    [Fact]
    public async Task A_pembina_of_Merangin_sees_its_koperasi_records_a_visit_and_its_follow_up_is_overdue_until_completed()
    {
        var koperasi = await RegisterInMeranginAsync();
        var id = koperasi["id"]!.GetValue<string>();
        await OkAsync(await PostAsync(_admin, id, "pembina-assignments", Assignment(PembinaUser, "15.02")));

        using var recorded = await PostAsync(_pembinaMerangin, id, "supervision-records", Visit("2026-11-03", ("Kirim salinan buku kas", "2026-11-10"), ("Tetapkan tanggal RAT", "2026-12-31")));
        var body = await OkAsync(recorded);
        var record = body["supervision"]!["records"]!.AsArray().Single()!;
        record["pembinaUserId"]!.GetValue<string>().ShouldBe(PembinaUser);
        var recordId = record["recordId"]!.GetValue<string>();
        recorded.Headers.ETag!.Tag.ShouldBe($"\"{body["version"]}\"");

        var mine = await Api.GetAsync(_pembinaMerangin, "/api/registry/supervision/my-koperasi");
        var row = mine["koperasi"]!.AsArray().Single(k => k!["cooperativeId"]!.GetValue<string>() == id)!;
        row["activity"]!.GetValue<string>().ShouldBe("aktif");
        row["lastRatYear"]!.GetValue<int>().ShouldBe(2025);
        row["openFollowUps"]!.AsArray().Select(f => f!["overdue"]!.GetValue<bool>()).ShouldBe([true, false]);

        bool Lists(JsonObject overdue) => overdue["followUps"]!.AsArray().Any(f => f!["cooperativeId"]!.GetValue<string>() == id && f["number"]!.GetValue<int>() == 1);
        Lists(await Api.GetAsync(_admin, "/api/registry/supervision/overdue-follow-ups?regency=1502")).ShouldBeTrue();
        Lists(await Api.GetAsync(_auditor, $"/api/registry/supervision/overdue-follow-ups?pembinaUserId={PembinaUser}")).ShouldBeTrue();
        Lists(await Api.GetAsync(_admin, "/api/registry/supervision/overdue-follow-ups?regency=1501")).ShouldBeFalse();

        await OkAsync(await PostAsync(_pembinaMerangin, id, $"supervision-records/{recordId}/follow-ups/1/completion", new JsonObject { ["completedOn"] = "2026-11-20" }));

        Lists(await Api.GetAsync(_admin, "/api/registry/supervision/overdue-follow-ups?regency=1502")).ShouldBeFalse();
        Lists(await Api.GetAsync(_admin, "/api/registry/supervision/overdue-follow-ups?regency=1502&on=2026-11-15")).ShouldBeTrue();
    }

    [Fact]
    public async Task A_reassignment_hands_the_level_over_and_a_second_assignment_answers_409()
    {
        var koperasi = await RegisterInMeranginAsync();
        var id = koperasi["id"]!;
        await OkAsync(await PostAsync(_admin, id, "pembina-assignments", Assignment("pembina.lama", Merangin)));

        using var second = await PostAsync(_admin, id, "pembina-assignments", Assignment("pembina.baru", Merangin));
        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Api.ProblemAsync(second))["rule"]!.GetValue<string>().ShouldBe("pembina-already-assigned");

        var reassigned = await OkAsync(await PostAsync(_admin, id, "pembina-reassignments", Assignment("pembina.baru", Merangin)));
        var assignments = reassigned["supervision"]!["assignments"]!.AsArray();
        assignments.Select(a => a!["pembinaUserId"]!.GetValue<string>()).ShouldBe(["pembina.lama", "pembina.baru"]);
        assignments[0]!["until"]!.GetValue<string>().ShouldBe("2026-11-22");
    }

    [Theory]
    [InlineData("pembina-assignments", "{\"level\":\"kabupaten-kota\",\"pembinaUserId\":\"p.1\",\"regencyCode\":\"9999\"}", 400, "regencyCode")]
    [InlineData("pembina-assignments", "{\"level\":\"camat\",\"pembinaUserId\":\"p.1\"}", 400, "level")]
    [InlineData("pembina-assignments", "{\"level\":\"kabupaten-kota\",\"pembinaUserId\":\"  \",\"regencyCode\":\"1502\"}", 400, "pembinaUserId")]
    [InlineData("pembina-assignments", "{\"level\":\"kabupaten-kota\",\"pembinaUserId\":\"p.1\",\"regencyCode\":\"1501\"}", 422, "regencyCode")]
    [InlineData("pembina-assignments", "{\"level\":\"provinsi\",\"pembinaUserId\":\"p.1\",\"regencyCode\":\"1502\"}", 422, "regencyCode")]
    [InlineData("supervision-records", "{\"kind\":\"visit\",\"heldOn\":\"2026-11-03\",\"findings\":\"Ketua 3201234567890123 hadir\",\"recommendations\":\"x\"}", 422, "findings")]
    [InlineData("supervision-records", "{\"kind\":\"visit\",\"heldOn\":\"2026-11-03\",\"findings\":\"\",\"recommendations\":\"x\"}", 400, "findings")]
    [InlineData("supervision-records", "{\"kind\":\"visit\",\"heldOn\":\"2026-11-03\",\"findings\":\"a\",\"recommendations\":\"b\",\"followUps\":[{\"action\":\"c\",\"dueOn\":\"2026-11-01\"}]}", 422, "followUps[0].dueOn")]
    [InlineData("supervision-records", "{\"kind\":\"visit\",\"heldOn\":\"2026-11-03\",\"findings\":\"a\",\"recommendations\":\"b\",\"followUps\":[{\"action\":\"\",\"dueOn\":\"2026-12-01\"}]}", 400, "followUps[0].action")]
    [InlineData("supervision-records", "{\"kind\":\"visit\",\"heldOn\":\"2026-12-03\",\"findings\":\"a\",\"recommendations\":\"b\"}", 422, "heldOn")]
    [InlineData("supervision-records", "{\"kind\":\"arisan\",\"heldOn\":\"2026-11-03\",\"findings\":\"a\",\"recommendations\":\"b\"}", 400, "kind")]
    [InlineData("nik-koperasi-renewals", "{\"number\":\"3271-AB-0012\",\"renewedOn\":\"2026-11-01\"}", 409, "number")]
    [InlineData("kdmp/formation-steps", "{\"step\":\"deed\",\"on\":\"2026-11-01\"}", 409, "")]
    [InlineData("supervision-records/0199a3c8-3d4e-7f5a-8b6c-7d8e9f0a1b2c/follow-ups/1/completion", "{\"completedOn\":\"2026-11-20\"}", 422, "recordId")]
    [InlineData("supervision-records/0199a3c8-3d4e-7f5a-8b6c-7d8e9f0a1b2c/follow-ups/0/completion", "{\"completedOn\":\"2026-11-20\"}", 400, "number")]
    [InlineData("supervision-records/0199a3c8-3d4e-7f5a-8b6c-7d8e9f0a1b2c/follow-ups/1/completion", "{\"completedOn\":\"2026-11-20\",\"note\":\"HP 081234567890\"}", 422, "note")]
    [InlineData("flagship-designations/0199a3c8-4e5f-7a6b-8c7d-8e9f0a1b2c3d/end", "{\"endedOn\":\"2026-11-20\",\"reason\":\"Diganti.\"}", 422, "designationId")]
    [InlineData("flagship-designations", "{\"regencyCode\":\"1502\",\"reason\":\"\",\"validFrom\":\"2026-11-01\",\"validUntil\":\"2027-12-31\"}", 400, "reason")]
    [InlineData("flagship-designations", "{\"regencyCode\":\"1571\",\"reason\":\"Sehat\",\"validFrom\":\"2026-11-01\",\"validUntil\":\"2027-12-31\"}", 422, "regencyCode")]
    [InlineData("nik-koperasi-renewals", "{\"number\":\"\",\"renewedOn\":\"2026-11-01\"}", 400, "number")]
    [InlineData("kdmp", "{\"markedOn\":\"2026-11-01\"}", 400, "desaCode")]
    [InlineData("kdmp", "{\"desaCode\":\"15.02.02.1010\",\"markedOn\":\"2026-12-01\"}", 422, "markedOn")]
    public async Task Bad_input_answers_4xx_naming_the_field_and_stores_nothing(string path, string body, int status, string field)
    {
        var koperasi = await RegisterInMeranginAsync();

        using var response = await PostRawAsync(_admin, koperasi["id"]!, path, body, koperasi["version"]!);

        ((int)response.StatusCode).ShouldBe(status, await response.Content.ReadAsStringAsync());
        var problem = await Api.ProblemAsync(response);
        if (field.Length > 0)
        {
            Api.FieldsOf(problem).ShouldContain(field);
        }

        problem.ToJsonString().ShouldNotContain("3201234567890123");
        (await VersionAsync(_admin, koperasi["id"]!)).ShouldBe(koperasi["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_pembina_of_another_regency_gets_403_the_auditor_reads_but_cannot_write()
    {
        var koperasi = await RegisterInMeranginAsync();
        var id = koperasi["id"]!;
        var version = koperasi["version"]!;

        using var outside = await PostAsync(_pembinaKerinci, id, "supervision-records", Visit("2026-11-03"), version);
        outside.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Api.ProblemAsync(outside))["rule"]!.GetValue<string>().ShouldBe("outside-your-regency");
        using var auditorWrite = await PostAsync(_auditor, id, "pembina-assignments", Assignment("p.2", Merangin), version);
        auditorWrite.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var pembinaDesignates = await PostAsync(_pembinaMerangin, id, "flagship-designations", new JsonObject
        {
            ["regencyCode"] = Merangin, ["reason"] = "Sehat", ["validFrom"] = "2026-11-01", ["validUntil"] = "2027-12-31",
        }, version);
        pembinaDesignates.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var pembinaMarks = await PostAsync(_pembinaMerangin, id, "kdmp", new JsonObject { ["desaCode"] = "15.02.02.1009", ["markedOn"] = "2026-11-01" }, version);
        pembinaMarks.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        (await VersionAsync(_admin, id)).ShouldBe(version.GetValue<long>());
        (await Api.GetAsync(_auditor, "/api/registry/supervision/overdue-follow-ups?regency=1502"))["followUps"].ShouldNotBeNull();
        (await Api.GetAsync(_auditor, "/api/registry/supervision/early-warning?regency=1502"))["koperasi"].ShouldNotBeNull();
    }

    [Fact]
    public async Task Without_If_Match_a_supervision_write_answers_428()
    {
        var koperasi = await RegisterInMeranginAsync();

        using var response = await _admin.PostAsync(
            new Uri($"/api/registry/cooperatives/{koperasi["id"]}/supervision-records", UriKind.Relative),
            System.Net.Http.Json.JsonContent.Create(Visit("2026-11-03")));

        response.StatusCode.ShouldBe(HttpStatusCode.PreconditionRequired);
    }

    [Fact]
    public async Task Bad_query_parameters_answer_400_naming_them()
    {
        foreach (var (url, field) in new[]
        {
            ("/api/registry/supervision/overdue-follow-ups?regency=9999", "regency"),
            ("/api/registry/supervision/early-warning?regency=abc", "regency"),
            ("/api/registry/supervision/became-tidak-aktif?from=2026-05-01&to=2026-01-01", "to"),
            ("/api/registry/supervision/kdmp-coverage?regency=0000", "regency"),
            ("/api/registry/supervision/valid-nik-koperasi?on=1900-01-01", "on"),
        })
        {
            using var response = await _admin.GetAsync(new Uri(url, UriKind.Relative));
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, url);
            Api.FieldsOf(await Api.ProblemAsync(response)).ShouldContain(field, url);
        }
    }
}

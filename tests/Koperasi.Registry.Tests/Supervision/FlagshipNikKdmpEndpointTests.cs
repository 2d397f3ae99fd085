using System.Net;
using System.Text.Json.Nodes;
using static Koperasi.Registry.Tests.Supervision.SupervisionApi;

namespace Koperasi.Registry.Tests.Supervision;

/// <summary>Flagship designations, NIK koperasi renewals and KDMP over HTTP on the real PostgreSQL (today: 22 November 2026).</summary>
public class FlagshipNikKdmpEndpointTests(RegistryHost registry) : IClassFixture<RegistryHost>
{
    private readonly HttpClient _admin = registry.CreateClient();

    private async Task<IReadOnlyList<string>> WithoutFlagshipAsync(string on) =>
        [.. (await Api.GetAsync(_admin, $"/api/registry/supervision/regencies-without-flagship?on={on}"))["regencies"]!.AsArray().Select(r => r!["regencyCode"]!.GetValue<string>())];

    [Fact]
    public async Task A_designated_flagship_covers_its_regency_until_the_designation_ends()
    {
        var koperasi = await Api.RegisterAsync(_admin, Api.Registration(regency: "1505", rats: Api.Rat(2025, "2026-03-01")));
        (await WithoutFlagshipAsync("2026-11-10")).ShouldContain("1505");

        var designated = await OkAsync(await PostAsync(_admin, koperasi["id"]!, "flagship-designations", new JsonObject
        {
            ["regencyCode"] = "15.05",
            ["reason"] = "RAT tepat waktu lima tahun berturut-turut.",
            ["validFrom"] = "2026-11-01",
            ["validUntil"] = "2027-12-31",
        }));
        var designationId = designated["supervision"]!["designations"]!.AsArray().Single()!["designationId"]!.GetValue<string>();

        (await WithoutFlagshipAsync("2026-11-10")).ShouldNotContain("1505");
        (await WithoutFlagshipAsync("2026-10-31")).ShouldContain("1505");

        await OkAsync(await PostAsync(_admin, koperasi["id"]!, $"flagship-designations/{designationId}/end", new JsonObject
        {
            ["endedOn"] = "2026-11-22",
            ["reason"] = "Diganti penetapan baru.",
        }));

        (await WithoutFlagshipAsync("2026-11-21")).ShouldNotContain("1505");
        (await WithoutFlagshipAsync("2026-11-22")).ShouldContain("1505");
    }

    [Fact]
    public async Task A_tidak_aktif_koperasi_is_not_designated_and_nothing_is_stored()
    {
        var koperasi = await Api.RegisterAsync(_admin, Api.Registration(regency: "1506", decreeDate: "2004-02-03"));
        koperasi["activity"]!.GetValue<string>().ShouldBe("tidak-aktif");

        using var response = await PostAsync(_admin, koperasi["id"]!, "flagship-designations", new JsonObject
        {
            ["regencyCode"] = "1506", ["reason"] = "Sehat", ["validFrom"] = "2026-11-01", ["validUntil"] = "2027-12-31",
        }, koperasi["version"]);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Api.ProblemAsync(response))["rule"]!.GetValue<string>().ShouldBe("flagship-requires-aktif");
        (await VersionAsync(_admin, koperasi["id"]!)).ShouldBe(koperasi["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_designation_with_a_period_ending_before_it_starts_answers_400_naming_validUntil()
    {
        var koperasi = await Api.RegisterAsync(_admin, Api.Registration(regency: "1505", rats: Api.Rat(2025, "2026-03-01")));

        using var response = await PostAsync(_admin, koperasi["id"]!, "flagship-designations", new JsonObject
        {
            ["regencyCode"] = "1505", ["reason"] = "Sehat", ["validFrom"] = "2027-11-01", ["validUntil"] = "2027-01-31",
        }, koperasi["version"]);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Api.FieldsOf(await Api.ProblemAsync(response)).ShouldContain("validUntil");
    }

    [Fact]
    public async Task A_renewal_keeps_the_NIK_koperasi_valid_and_counts_in_the_statistic()
    {
        var number = $"15{Random.Shared.Next(10_000_000, 99_999_999)}";
        var registration = Api.Registration(regency: "1571", rats: Api.Rat(2024, "2025-03-01"));
        registration["nikKoperasi"] = new JsonObject { ["number"] = number, ["issuedOn"] = "2025-09-01" };
        var koperasi = await Api.RegisterAsync(_admin, registration);
        async Task<int> HoldersAsync() => (await Api.GetAsync(_admin, "/api/registry/supervision/valid-nik-koperasi?on=2026-11-22"))["holders"]!.GetValue<int>();
        var before = await HoldersAsync();

        using var other = await PostAsync(_admin, koperasi["id"]!, "nik-koperasi-renewals", new JsonObject { ["number"] = "9999999", ["renewedOn"] = "2026-09-01" }, koperasi["version"]);
        other.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        Api.FieldsOf(await Api.ProblemAsync(other)).ShouldContain("number");
        (await HoldersAsync()).ShouldBe(before);

        await OkAsync(await PostAsync(_admin, koperasi["id"]!, "nik-koperasi-renewals", new JsonObject { ["number"] = number, ["renewedOn"] = "2026-09-01" }));

        (await HoldersAsync()).ShouldBe(before + 1);
    }

    [Fact]
    public async Task A_desa_has_one_KDMP_and_the_coverage_counts_it()
    {
        var first = await Api.RegisterAsync(_admin, InBangko(Api.Rat(2025, "2026-03-01")));
        var second = await Api.RegisterAsync(_admin, InBangko(Api.Rat(2025, "2026-03-01")));
        var coverageBefore = await Api.GetAsync(_admin, "/api/registry/supervision/kdmp-coverage?regency=1502");
        var eveBefore = await Api.GetAsync(_admin, "/api/registry/supervision/kdmp-coverage?regency=1502&on=2025-07-20");

        await OkAsync(await PostAsync(_admin, first["id"]!, "kdmp", new JsonObject { ["desaCode"] = "15.02.02.1010", ["markedOn"] = "2025-07-21" }));
        using var taken = await PostAsync(_admin, second["id"]!, "kdmp", new JsonObject { ["desaCode"] = "15.02.02.1010", ["markedOn"] = "2025-07-21" }, second["version"]);
        using var elsewhere = await PostAsync(_admin, second["id"]!, "kdmp", new JsonObject { ["desaCode"] = "15.01.01.1004", ["markedOn"] = "2025-07-21" }, second["version"]);
        using var unknown = await PostAsync(_admin, second["id"]!, "kdmp", new JsonObject { ["desaCode"] = "15.02.99.9999", ["markedOn"] = "2025-07-21" }, second["version"]);

        taken.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Api.ProblemAsync(taken))["rule"]!.GetValue<string>().ShouldBe("desa-already-has-kdmp");
        elsewhere.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await Api.ProblemAsync(elsewhere))["rule"]!.GetValue<string>().ShouldBe("kdmp-desa-outside-regency");
        unknown.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        Api.FieldsOf(await Api.ProblemAsync(unknown)).ShouldContain("desaCode");
        (await VersionAsync(_admin, second["id"]!)).ShouldBe(second["version"]!.GetValue<long>());

        var coverage = await Api.GetAsync(_admin, "/api/registry/supervision/kdmp-coverage?regency=1502");
        static int Covered(JsonObject c, string list, string code) =>
            c[list]!.AsArray().Single(r => r!["code"]!.GetValue<string>() == code)!["desaWithKdmp"]!.GetValue<int>();
        Covered(coverage, "regencies", "1502").ShouldBe(Covered(coverageBefore, "regencies", "1502") + 1);
        Covered(coverage, "kecamatan", "15.02.02").ShouldBe(Covered(coverageBefore, "kecamatan", "15.02.02") + 1);
        coverage["kecamatan"]!.AsArray().ShouldAllBe(k => k!["code"]!.GetValue<string>().StartsWith("15.02."));
        var onEve = await Api.GetAsync(_admin, "/api/registry/supervision/kdmp-coverage?regency=1502&on=2025-07-20");
        Covered(onEve, "kecamatan", "15.02.02").ShouldBe(Covered(eveBefore, "kecamatan", "15.02.02"));
    }

    [Fact]
    public async Task A_desa_of_another_kecamatan_answers_422_naming_the_rule_and_nothing_is_stored()
    {
        // Given a koperasi of kecamatan Bangko, Merangin
        var koperasi = await Api.RegisterAsync(_admin, InBangko(Api.Rat(2025, "2026-03-01")));
        var coverageBefore = await Api.GetAsync(_admin, "/api/registry/supervision/kdmp-coverage?regency=1502");

        // When it is marked as the KDMP of Renah Kemumu, a desa of kecamatan Jangkat (Merangin)
        using var response = await PostAsync(_admin, koperasi["id"]!, "kdmp", new JsonObject { ["desaCode"] = "15.02.01.2001", ["markedOn"] = "2025-07-21" }, koperasi["version"]);

        // Then 422 names the rule and the field, and neither the koperasi nor the coverage changed
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = await Api.ProblemAsync(response);
        problem["rule"]!.GetValue<string>().ShouldBe("kdmp-desa-outside-kecamatan");
        Api.FieldsOf(problem).ShouldContain("desaCode");
        problem["detail"]!.GetValue<string>().ShouldContain("Jangkat");
        (await VersionAsync(_admin, koperasi["id"]!)).ShouldBe(koperasi["version"]!.GetValue<long>());
        (await Api.GetAsync(_admin, "/api/registry/supervision/kdmp-coverage?regency=1502")).ToJsonString().ShouldBe(coverageBefore.ToJsonString());

        // And a desa of its own kecamatan is accepted
        await OkAsync(await PostAsync(_admin, koperasi["id"]!, "kdmp", new JsonObject { ["desaCode"] = "15.02.02.1009", ["markedOn"] = "2025-07-21" }, koperasi["version"]));
    }

    [Fact]
    public async Task The_KDMP_formation_steps_follow_each_other()
    {
        var koperasi = await Api.RegisterAsync(_admin, InBangko(Api.Rat(2025, "2026-03-01")));
        await OkAsync(await PostAsync(_admin, koperasi["id"]!, "kdmp", new JsonObject { ["desaCode"] = "15.02.02.1011", ["markedOn"] = "2025-07-01" }));
        await OkAsync(await PostAsync(_admin, koperasi["id"]!, "kdmp/formation-steps", new JsonObject { ["step"] = "musyawarah-desa-khusus", ["on"] = "2025-05-10" }));
        var version = await VersionAsync(_admin, koperasi["id"]!);

        using var early = await PostAsync(_admin, koperasi["id"]!, "kdmp/formation-steps", new JsonObject { ["step"] = "deed", ["on"] = "2025-05-01", ["reference"] = "12/2025" }, version);

        early.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await Api.ProblemAsync(early))["rule"]!.GetValue<string>().ShouldBe("kdmp-steps-out-of-order");
        (await VersionAsync(_admin, koperasi["id"]!)).ShouldBe(version);
        var deed = await OkAsync(await PostAsync(_admin, koperasi["id"]!, "kdmp/formation-steps", new JsonObject { ["step"] = "deed", ["on"] = "2025-06-01", ["reference"] = "12/2025" }, version));
        deed["supervision"]!["kdmp"]!["steps"]!.AsObject().Count.ShouldBe(2);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koperasi.ServiceDefaults.PersonalData;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Koperasi.Funding.Tests.Http;

public class SubmitEndpointTests(FundingHost funding) : IClassFixture<FundingHost>
{
    private readonly HttpClient _admin = funding.CreateClient();

    private async Task<string> ProgrammeAsync(JsonObject? body = null) => Api.Id(await Api.OpenProgrammeAsync(_admin, body));

    private async Task<int> ApplicationsInAsync(string programmeId) =>
        (await Api.GetAsync(_admin, $"/api/funding/applications?programmeId={programmeId}"))["totalCount"]!.GetValue<int>();

    [Fact]
    public async Task A_submission_shows_the_applicant_masked_and_keeps_the_NIK_out_of_the_events()
    {
        var programmeId = await ProgrammeAsync();
        var nik = Api.Nik();

        using var response = await _admin.PostAsJsonAsync("/api/funding/applications", Api.Application(programmeId, nik, regency: "15.03"));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        response.Headers.ETag!.Tag.ShouldBe("\"1\"");
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldNotContain(nik);
        var application = JsonNode.Parse(body)!;
        (application["status"]!.GetValue<string>(), application["regencyCode"]!.GetValue<string>(), application["regencyName"]!.GetValue<string>())
            .ShouldBe(("submitted", "1503", "Sarolangun"));
        application["applicant"]!["maskedNik"]!.GetValue<string>().ShouldBe(Nik.Mask(nik));
        application["applicant"]!["name"]!.GetValue<string>().ShouldBe("Siti Rahmawati");

        await using var session = funding.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var events = await session.Events.FetchStreamAsync(Guid.Parse(application["id"]!.GetValue<string>()));
        var stored = System.Text.Json.JsonSerializer.Serialize(events.Select(e => e.Data));
        stored.ShouldNotContain(nik);
        stored.ShouldNotContain("Siti Rahmawati");
        stored.ShouldNotContain("081234567890");
    }

    public static TheoryData<string, string, string> BadInputs => new()
    {
        { "nik", "\"15010155079000\"", "nik" },
        { "nik", "\"1501011513900001\"", "nik" },
        { "nik", "\"1501017102900001\"", "nik" },
        { "nik", "\"150101550790000A\"", "nik" },
        { "name", "\"  \"", "name" },
        { "sex", "\"perempuan\"", "sex" },
        { "birthDate", "\"15-07-1990\"", "birthDate" },
        { "address", """{"regencyCode":"3201","kecamatan":"Bogor"}""", "address.regencyCode" },
        { "address", """{"regencyCode":"1503","kecamatan":""}""", "address.kecamatan" },
        { "phone", "\"telepon\"", "phone" },
        { "nib", "\"123\"", "nib" },
        { "occupation", "\"astronaut\"", "occupation" },
        { "declaredKurDebtor", "null", "declaredKurDebtor" },
        { "category", "\"Mak Mak\"", "category" },
        { "businessDescription", "\"\"", "businessDescription" },
        { "programmeId", "\"not-a-guid\"", "programmeId" },
        { "surprise", "true", "surprise" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_answers_400_naming_the_field_never_echoes_a_NIK_and_stores_nothing(string property, string json, string field)
    {
        var programmeId = await ProgrammeAsync();
        var body = Api.Application(programmeId);
        var nik = body["nik"]!.GetValue<string>();
        body[property] = JsonNode.Parse(json);

        using var response = await _admin.PostAsJsonAsync("/api/funding/applications", body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await Api.ProblemAsync(response);
        Api.FieldsOf(problem).ShouldContain(field);
        problem.ToJsonString().ShouldNotContain(nik);
        (await ApplicationsInAsync(programmeId)).ShouldBe(0);
    }

    [Fact]
    public async Task A_missing_body_part_answers_400_not_500()
    {
        var programmeId = await ProgrammeAsync();
        var body = Api.Application(programmeId);
        body.Remove("address");
        using var response = await _admin.PostAsJsonAsync("/api/funding/applications", body);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Api.FieldsOf(await Api.ProblemAsync(response)).ShouldContain("address");
    }

    [Theory]
    [InlineData("male", "nik-sex-mismatch")]
    [InlineData("female", "nik-birth-date-mismatch")]
    public async Task A_NIK_that_disagrees_with_the_application_answers_422_without_echoing_it(string sex, string rule)
    {
        var programmeId = await ProgrammeAsync();
        var nik = Api.Nik("female", "1990-07-15");
        var body = Api.Application(programmeId, nik, sex: sex, birthDate: sex == "male" ? "1990-07-15" : "1990-07-16");

        using var response = await _admin.PostAsJsonAsync("/api/funding/applications", body);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = await Api.ProblemAsync(response);
        (problem["rule"]!.GetValue<string>(), problem["field"]!.GetValue<string>()).ShouldBe((rule, "nik"));
        problem.ToJsonString().ShouldNotContain(nik);
        (await ApplicationsInAsync(programmeId)).ShouldBe(0);
    }

    [Theory]
    [InlineData("2020-03-01", "applicant-under-age")]
    [InlineData("2026-05-01", "birth-date-after-application")]
    public async Task A_child_or_someone_not_yet_born_answers_422_and_stores_nothing(string birthDate, string rule)
    {
        var programmeId = await ProgrammeAsync();
        var body = Api.Application(programmeId, Api.Nik("female", birthDate), birthDate: birthDate);

        using var response = await _admin.PostAsJsonAsync("/api/funding/applications", body);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = await Api.ProblemAsync(response);
        (problem["rule"]!.GetValue<string>(), problem["field"]!.GetValue<string>()).ShouldBe((rule, "birthDate"));
        (await ApplicationsInAsync(programmeId)).ShouldBe(0);
    }

    [Fact]
    public async Task The_same_NIK_applies_once_per_programme_and_its_pseudonym_is_reused_in_the_next()
    {
        var programmeId = await ProgrammeAsync();
        var nik = Api.Nik();
        var first = await Api.SubmitAsync(_admin, Api.Application(programmeId, nik));

        using var again = await _admin.PostAsJsonAsync("/api/funding/applications", Api.Application(programmeId, nik, name: "Nama Lain"));
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Api.ProblemAsync(again))["rule"]!.GetValue<string>().ShouldBe("application-already-submitted");

        var next = await Api.SubmitAsync(_admin, Api.Application(await ProgrammeAsync(), nik));
        next["applicant"]!["id"]!.GetValue<string>().ShouldBe(first["applicant"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Submissions_of_one_NIK_at_the_same_moment_store_one_application()
    {
        var programmeId = await ProgrammeAsync();
        var nik = Api.Nik();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => _admin.PostAsJsonAsync("/api/funding/applications", Api.Application(programmeId, nik))));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(5);
        (await ApplicationsInAsync(programmeId)).ShouldBe(1);
    }

    [Fact]
    public async Task An_ineligible_applicant_is_refused_with_every_failed_rule()
    {
        var programmeId = await ProgrammeAsync();
        var body = Api.Application(programmeId, sex: "male", category: "mak-mak", occupation: "civil-servant", kurDebtor: true);

        using var response = await _admin.PostAsJsonAsync("/api/funding/applications", body);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = await Api.ProblemAsync(response);
        problem["rule"]!.GetValue<string>().ShouldBe("not-eligible");
        problem["rules"]!.AsArray().Select(r => r!["rule"]!.GetValue<string>()).ShouldBe(["women-only-category", "excluded-occupation", "kur-debtor"]);
        (await ApplicationsInAsync(programmeId)).ShouldBe(0);
    }

    [Fact]
    public async Task A_switched_off_rule_lets_the_same_applicant_through()
    {
        var programmeId = await ProgrammeAsync(Api.Programme(eligibility: new JsonObject
        {
            ["womenOnlyCategories"] = new JsonArray(),
            ["excludedOccupations"] = new JsonArray(),
            ["excludeKurDebtors"] = false,
        }));
        await Api.SubmitAsync(_admin, Api.Application(programmeId, sex: "male", category: "mak-mak", occupation: "civil-servant", kurDebtor: true));
    }

    [Fact]
    public async Task The_programme_must_exist_its_category_be_open_and_its_window_open()
    {
        using var unknown = await _admin.PostAsJsonAsync("/api/funding/applications", Api.Application(Guid.NewGuid().ToString()));
        (await Api.ProblemAsync(unknown))["rule"]!.GetValue<string>().ShouldBe("unknown-programme");

        var programmeId = await ProgrammeAsync();
        using var category = await _admin.PostAsJsonAsync("/api/funding/applications", Api.Application(programmeId, category: "bantuan-lain"));
        (await Api.ProblemAsync(category))["rule"]!.GetValue<string>().ShouldBe("category-not-open");

        var closed = Api.Programme();
        closed["window"] = new JsonObject { ["opens"] = "2026-06-01", ["closes"] = "2026-06-30" };
        using var window = await _admin.PostAsJsonAsync("/api/funding/applications", Api.Application(await ProgrammeAsync(closed)));
        window.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await Api.ProblemAsync(window))["rule"]!.GetValue<string>().ShouldBe("application-window-closed");
    }
}

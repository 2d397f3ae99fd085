using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koperasi.Testing;

namespace Koperasi.Funding.Tests.Http;

/// <summary>
/// A NIK, a phone number or a bank account typed into a free-text field is refused with 422
/// naming the field, so it never reaches an event (which erasure cannot remove), a document, a
/// log entry or a message on the bus.
/// </summary>
public class PersonalDataInTextTests(LoggedTextFundingHost funding) : IClassFixture<LoggedTextFundingHost>
{
    private const string Nik = "3571014101900001";
    private readonly HttpClient _admin = funding.CreateClient();

    public static TheoryData<string, string> Personal => new()
    {
        { "a NIK", $"Pemilik NIK {Nik}" },
        { "a NIK with spaces", "NIK 3571 0141 0190 0002" },
        { "a phone number", "Hubungi +62 812-3456-7890" },
        { "a local phone number", "hp 081398765432" },
        { "a bank account", "rekening 1234.5678.901" },
    };

    [Theory]
    [MemberData(nameof(Personal))]
    public async Task Every_free_text_field_refuses_personal_data_and_stores_none_of_it(string kind, string text)
    {
        await using var probe = await TextNowhere.ProbeContractsAsync(funding.EntityPrefix, typeof(Koperasi.Contracts.Funding.GrantDecreed));
        var programmeId = Api.Id(await Api.OpenProgrammeAsync(_admin));
        var application = Api.Application(programmeId);
        application["businessDescription"] = text;
        await RefusedAsync(await _admin.PostAsJsonAsync("/api/funding/applications", application), "businessDescription", kind);

        var id = Api.Id(await Api.SubmitAsync(_admin, Api.Application(programmeId)));
        await StepRefusedAsync(id, "documents-check", new JsonObject { ["complete"] = true, ["notes"] = text }, "notes", kind);
        await StepRefusedAsync(id, "documents-check", new JsonObject { ["complete"] = false, ["missing"] = new JsonArray(text) }, "missing[0]", kind);
        await StepRefusedAsync(id, "cancellation", new JsonObject { ["reason"] = text }, "reason", kind);
        await RefusedAsync(await _admin.PostAsJsonAsync($"/api/funding/applications/{id}/applicant/reveal", new JsonObject { ["purpose"] = text }), "purpose", kind);
        await Api.StepAsync(_admin, id, "documents-check", Api.Documents());

        var visit = Api.FieldVisit();
        visit["findings"] = text;
        await StepRefusedAsync(id, "field-verification", visit, "findings", kind);
        await Api.StepAsync(_admin, id, "field-verification", Api.FieldVisit());
        await StepRefusedAsync(id, "eligibility", new JsonObject { ["eligible"] = false, ["reasons"] = new JsonArray(text) }, "reasons[0]", kind);
        await StepRefusedAsync(id, "eligibility", new JsonObject { ["eligible"] = true, ["notes"] = text }, "notes", kind);
        await Api.StepAsync(_admin, id, "eligibility", Api.Eligibility());
        using (var batch = await IfMatch.PostAsync(_admin, $"/api/funding/programmes/{programmeId}/decree-batches", Api.Batch(id)))
        {
            batch.StatusCode.ShouldBe(HttpStatusCode.Created, await batch.Content.ReadAsStringAsync());
        }

        await Disbursements.PayAsync(_admin, id);
        var monitoring = Api.Visit();
        monitoring["production"] = text;
        await StepRefusedAsync(id, "monitoring-visits", monitoring, "production", kind);
        monitoring = Api.Visit();
        monitoring["notes"] = text;
        await StepRefusedAsync(id, "monitoring-visits", monitoring, "notes", kind);

        var digits = new string([.. text.Where(char.IsAsciiDigit)]);
        foreach (var stored in new[] { text, digits })
        {
            (await StoredText.TablesHoldingAsync(TestInfrastructure.TestDatabase("funding"), funding.Schema, stored)).ShouldBeEmpty(stored);
        }

        // The probe heard the steps that were taken (submitted, decreed, disbursed), and none of the refused text.
        await Eventually.UntilAsync(async () => { await probe.DrainAsync(); return probe.Received.Count >= 3; }, "the application's messages");
        await TextNowhere.ShouldBeNowhereAsync(funding.Logs, probe, TimeSpan.FromSeconds(1), text, digits);
    }

    [Fact]
    public async Task Amounts_dates_and_short_numbers_in_free_text_are_not_personal_data()
    {
        var programmeId = Api.Id(await Api.OpenProgrammeAsync(_admin));
        var id = Api.Id(await Api.SubmitAsync(_admin, Api.Application(programmeId)));

        await Api.StepAsync(_admin, id, "documents-check", new JsonObject
        {
            ["complete"] = true,
            ["notes"] = "Omzet Rp 1.500.000.000 per tahun sejak 2019-04-01;\nRT 03 RW 12, 40 bungkus per hari.",
        });
    }

    private async Task StepRefusedAsync(string id, string step, JsonObject body, string field, string kind) =>
        await RefusedAsync(await IfMatch.PostAsync(_admin, $"/api/funding/applications/{id}/{step}", body), field, $"{kind} in {step}");

    private static async Task RefusedAsync(HttpResponseMessage response, string field, string because)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, $"{because}: {body}");
            response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
            var problem = JsonNode.Parse(body)!;
            problem["rule"]!.GetValue<string>().ShouldBe("personal-data-in-text");
            problem["errors"]!.AsObject().Select(e => e.Key).ShouldBe([field], because);
            body.ShouldNotContain(Nik);
        }
    }
}

/// <summary>Funding with every log entry captured, for the personal-data-in-text checks.</summary>
public sealed class LoggedTextFundingHost : FundingService
{
    public LoggedTextFundingHost()
        : base("personaltext") => WithLogs(Logs);

    public CapturedLogs Logs { get; } = new();
}

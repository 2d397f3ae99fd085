using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koperasi.Testing;

namespace Koperasi.Transformation.Tests.Http;

/// <summary>
/// A NIK, phone number or bank account typed into a case's text answers 422 naming the field and
/// is found nowhere: events, documents, logs, messages on the bus.
/// </summary>
public class PersonalDataInTextTests(LoggedTransformationHost host) : IClassFixture<LoggedTransformationHost>
{
    private readonly HttpClient _client = host.CreateClient();

    [Theory]
    [InlineData("otherArticles", "Pasal 5: ketua NIK 3571014101900001")]
    [InlineData("businessField", "Perdagangan, hubungi 0812 3456 7890")]
    [InlineData("name", "Koperasi rek 123-456-7890-12")]
    public async Task Personal_data_in_an_articles_amendment_answers_422_naming_the_field(string field, string text)
    {
        await using var probe = await TextNowhere.ProbeContractsAsync(host.EntityPrefix, typeof(Koperasi.Contracts.Transformation.TransformationCaseOpened));
        var cooperative = await RegistryFacts.RegisterAsync(host);
        var body = Api.Amendment(cooperative, new JsonObject { [field] = text });

        using var response = await _client.PostAsJsonAsync($"{Api.Cases}/articles-amendments", body);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, await response.Content.ReadAsStringAsync());
        var problem = await Api.ProblemAsync(response);
        (Api.Text(problem["rule"]), Api.Text(problem["field"])).ShouldBe(("personal-data-in-text", $"changes.{field}"));
        (await StoredText.TablesHoldingAsync(TestInfrastructure.TestDatabase("transformation"), host.Schema, text)).ShouldBeEmpty();

        // The same proposal without the text is taken and heard on the bus; the refused one is not.
        await Api.ProposeAsync(_client, "articles-amendments", Api.Amendment(cooperative, new JsonObject { [field] = "Jasa angkutan" }));
        await Eventually.UntilAsync(async () => { await probe.DrainAsync(); return probe.Received.Count > 0; }, "the case opened");
        await TextNowhere.ShouldBeNowhereAsync(host.Logs, probe, TimeSpan.FromSeconds(1), text, new string([.. text.Where(char.IsAsciiDigit)]));
    }
}

/// <summary>Transformation with every log entry captured, for the personal-data-in-text checks.</summary>
public sealed class LoggedTransformationHost : TransformationHost
{
    public LoggedTransformationHost() => WithLogs(Logs);

    public CapturedLogs Logs { get; } = new();
}

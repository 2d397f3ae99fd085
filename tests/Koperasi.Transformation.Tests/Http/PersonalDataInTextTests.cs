using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koperasi.Testing;

namespace Koperasi.Transformation.Tests.Http;

/// <summary>A NIK, phone number or bank account typed into a case's text answers 422 naming the field and is stored nowhere.</summary>
public class PersonalDataInTextTests(TransformationHost host) : IClassFixture<TransformationHost>
{
    private readonly HttpClient _client = host.CreateClient();

    [Theory]
    [InlineData("otherArticles", "Pasal 5: ketua NIK 3571014101900001")]
    [InlineData("businessField", "Perdagangan, hubungi 0812 3456 7890")]
    [InlineData("name", "Koperasi rek 123-456-7890-12")]
    public async Task Personal_data_in_an_articles_amendment_answers_422_naming_the_field(string field, string text)
    {
        var body = Api.Amendment(Guid.NewGuid(), new JsonObject { [field] = text });

        using var response = await _client.PostAsJsonAsync($"{Api.Cases}/articles-amendments", body);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, await response.Content.ReadAsStringAsync());
        var problem = await Api.ProblemAsync(response);
        (Api.Text(problem["rule"]), Api.Text(problem["field"])).ShouldBe(("personal-data-in-text", $"changes.{field}"));
        (await StoredText.TablesHoldingAsync(TestInfrastructure.TestDatabase("transformation"), host.Schema, text)).ShouldBeEmpty();
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Koperasi.Registry.Tests.Http;

public class ChangeDetailsEndpointTests(RegistryHost registry) : IClassFixture<RegistryHost>
{
    private readonly HttpClient _client = registry.CreateClient();

    private static readonly JsonObject NewContact = new() { ["contact"] = new JsonObject { ["phone"] = "074112345", ["email"] = "kantor@koperasi.example" } };

    private Task<HttpResponseMessage> Patch(object id, JsonObject body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/registry/cooperatives/{id}") { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return _client.SendAsync(request);
    }

    [Fact]
    public async Task A_change_with_the_current_ETag_is_recorded_and_answers_the_new_ETag()
    {
        var registered = await Api.RegisterAsync(_client, Api.Registration());

        using var response = await Patch(registered["id"]!, NewContact.DeepClone().AsObject(), $"\"{registered["version"]}\"");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.ETag.ShouldBe(new EntityTagHeaderValue($"\"{registered["version"]!.GetValue<long>() + 1}\""));
        var read = await Api.GetAsync(_client, $"/api/registry/cooperatives/{registered["id"]}");
        read["contact"]!["email"]!.GetValue<string>().ShouldBe("kantor@koperasi.example");
    }

    [Fact]
    public async Task A_change_without_If_Match_answers_428_and_changes_nothing()
    {
        var registered = await Api.RegisterAsync(_client, Api.Registration());

        using var response = await Patch(registered["id"]!, NewContact.DeepClone().AsObject(), null);

        response.StatusCode.ShouldBe(HttpStatusCode.PreconditionRequired);
        Api.FieldsOf(await Api.ProblemAsync(response)).ShouldContain("If-Match");
        (await Api.GetAsync(_client, $"/api/registry/cooperatives/{registered["id"]}"))["version"]!.GetValue<long>().ShouldBe(registered["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_stale_ETag_answers_409_and_changes_nothing()
    {
        var registered = await Api.RegisterAsync(_client, Api.Registration());
        using var first = await Patch(registered["id"]!, NewContact.DeepClone().AsObject(), $"\"{registered["version"]}\"");
        first.StatusCode.ShouldBe(HttpStatusCode.OK);

        var board = new JsonObject { ["board"] = new JsonArray(new JsonObject { ["name"] = "Ahmad Fauzi", ["position"] = "ketua" }) };
        using var stale = await Patch(registered["id"]!, board, $"\"{registered["version"]}\"");

        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Api.ProblemAsync(stale))["type"]!.GetValue<string>().ShouldBe("urn:koperasi:problem:concurrency-conflict");
        var read = await Api.GetAsync(_client, $"/api/registry/cooperatives/{registered["id"]}");
        read["board"]![0]!["name"]!.GetValue<string>().ShouldBe("Dewi Lestari");
    }

    [Fact]
    public async Task Two_writers_with_the_same_If_Match_at_once_one_succeeds_one_gets_409()
    {
        for (var round = 0; round < 5; round++)
        {
            var registered = await Api.RegisterAsync(_client, Api.Registration());
            var etag = $"\"{registered["version"]}\"";
            var a = new JsonObject { ["contact"] = new JsonObject { ["phone"] = "0741111111" } };
            var b = new JsonObject { ["contact"] = new JsonObject { ["phone"] = "0741222222" } };

            var responses = await Task.WhenAll(Patch(registered["id"]!, a, etag), Patch(registered["id"]!, b, etag));

            responses.Select(r => r.StatusCode).Order().ShouldBe([HttpStatusCode.OK, HttpStatusCode.Conflict]);
            var winner = responses.Single(r => r.StatusCode == HttpStatusCode.OK);
            var read = await Api.GetAsync(_client, $"/api/registry/cooperatives/{registered["id"]}");
            read["version"]!.GetValue<long>().ShouldBe(registered["version"]!.GetValue<long>() + 1);
            var winningPhone = (await winner.Content.ReadFromJsonAsync<JsonObject>())!["contact"]!["phone"]!.GetValue<string>();
            read["contact"]!["phone"]!.GetValue<string>().ShouldBe(winningPhone);
        }
    }

    [Fact]
    public async Task Moving_to_another_regency_answers_422_with_the_rule()
    {
        var registered = await Api.RegisterAsync(_client, Api.Registration());
        var move = new JsonObject
        {
            ["address"] = new JsonObject { ["street"] = "Jl. Lintas Sumatera", ["kecamatan"] = "Sungai Penuh", ["regencyCode"] = "1572" },
        };

        using var response = await Patch(registered["id"]!, move, $"\"{registered["version"]}\"");

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await Api.ProblemAsync(response))["rule"]!.GetValue<string>().ShouldBe("domicile-change-needs-articles-amendment");
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("\"0\"")]
    public async Task An_If_Match_that_is_no_ETag_of_ours_answers_400(string ifMatch)
    {
        var registered = await Api.RegisterAsync(_client, Api.Registration());
        using var response = await Patch(registered["id"]!, NewContact.DeepClone().AsObject(), ifMatch);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Api.FieldsOf(await Api.ProblemAsync(response)).ShouldContain("If-Match");
    }

    [Fact]
    public async Task An_unknown_koperasi_answers_404()
    {
        using var response = await Patch(Guid.NewGuid(), NewContact.DeepClone().AsObject(), "\"1\"");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

using System.Text.Json;
using Koperasi.ServiceDefaults.Http;

namespace Koperasi.ServiceDefaults.Tests.Http;

public class RequestJsonLimitsTests
{
    public sealed record Member(string Name);

    public sealed record Body(IReadOnlyList<Member> Board, IReadOnlyList<string?>? Notes = null, string? Text = null);

    private static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        KoperasiJson.Configure(options);
        RequestJsonLimits.Configure(options);
        return options;
    }

    private static JsonException Refused(string json) =>
        Should.Throw<JsonException>(() => JsonSerializer.Deserialize<Body>(json, Options));

    [Fact]
    public void A_null_item_where_the_model_has_none_is_refused_at_the_field()
    {
        var refused = Refused("""{"board":[{"name":"Dewi"},null]}""");

        refused.ShouldBeOfType<RequestJsonException>().Message.ShouldBe("Item 1 is null; every item needs a value.");
        refused.Path.ShouldBe("$.board");
    }

    [Fact]
    public void A_null_item_where_the_model_allows_one_is_read() =>
        JsonSerializer.Deserialize<Body>("""{"board":[],"notes":["a",null]}""", Options)!.Notes!.Count.ShouldBe(2);

    [Fact]
    public void An_array_over_the_limit_is_refused() =>
        Refused($$"""{"board":[{{string.Join(",", Enumerable.Repeat("""{"name":"x"}""", RequestJsonLimits.MaxItems + 1))}}]}""")
            .Message.ShouldBe($"At most {RequestJsonLimits.MaxItems} items.");

    [Fact]
    public void A_string_over_the_limit_is_refused() =>
        Refused($$"""{"board":[],"text":"{{new string('x', RequestJsonLimits.MaxStringLength + 1)}}"}""").ShouldBeOfType<RequestJsonException>();

    [Theory]
    [InlineData("\\u0000")]
    [InlineData("\\u0007")]
    public void NUL_and_control_characters_are_refused_anywhere_and_the_field_is_named(string escaped)
    {
        var refused = Refused($$"""{"board":[{"name":"De{{escaped}}wi"}]}""").ShouldBeOfType<RequestJsonException>();

        (refused.Path + refused.SubPath).ShouldBe("$.board[0].name");
        refused.Detail.ShouldBe("Control characters (NUL and the like) are not allowed.");
    }

    [Fact]
    public void Deep_nesting_is_refused() =>
        Should.Throw<JsonException>(() => JsonSerializer.Deserialize<JsonElement>(new string('[', 100) + new string(']', 100), Options));

    [Fact]
    public void Dictionaries_keyed_by_string_still_read_and_write()
    {
        var errors = new Dictionary<string, string[]> { ["name"] = ["Required."] };

        var json = JsonSerializer.Serialize(errors, Options);

        JsonSerializer.Deserialize<Dictionary<string, string[]>>(json, Options)!["name"].ShouldBe(["Required."]);
    }

    [Fact]
    public void A_control_character_in_a_dictionary_key_is_refused() =>
        Should.Throw<RequestJsonException>(() => JsonSerializer.Deserialize<Dictionary<string, int>>("""{"15\u000071":1}""", Options));
}

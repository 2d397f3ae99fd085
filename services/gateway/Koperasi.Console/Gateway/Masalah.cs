using System.Text.Json;

namespace Koperasi.Console.Gateway;

/// <summary>
/// A problem the API answered (RFC 9457), as the console shows it: in Bahasa Indonesia by its rule
/// name (the problem type <c>urn:koperasi:problem:{rule}</c> or the <c>rule</c> member), each
/// field's complaint by the field's name; where no Indonesian text is known, the API's own English
/// detail, so nothing is ever hidden.
/// </summary>
public sealed record Masalah(int Status, string? Rule, string Judul, string? Rincian, IReadOnlyList<Masalah.Isian> Fields)
{
    /// <summary>The one field a broken rule names (the problem's <c>field</c> member), if it names one.</summary>
    public string? Field { get; init; }

    /// <summary>
    /// What is wrong with <paramref name="field"/> (the API's name for it), to show beside it; null when nothing is.
    /// A broken rule with an Indonesian text is shown by that text; a field of a plain validation problem by the API's words for it.
    /// </summary>
    public string? TextFor(string field)
    {
        var named = Fields.FirstOrDefault(f => string.Equals(f.Field, field, StringComparison.OrdinalIgnoreCase));
        if (named is null && !string.Equals(Field, field, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return Rule != "validation" && TeksMasalah.ForRule(Rule) is { } text ? text : named?.Text ?? Judul;
    }

    /// <summary>One refused field: its Indonesian label and what is wrong with it.</summary>
    public sealed record Isian(string Field, string Label, string Text);

    /// <summary>A problem the console finds before calling the API (a required field left empty), shown like the API's.</summary>
    public static Masalah ForField(string field, string text) =>
        From(400, JsonSerializer.Serialize(new
        {
            type = "urn:koperasi:problem:validation",
            errors = new Dictionary<string, string[]> { [field] = [text] },
        }));

    /// <summary>Reads a problem body; a body that is not a problem still gives a status and a title.</summary>
    public static Masalah From(int status, string? body)
    {
        string? rule = null, detail = null, title = null, named = null;
        var fields = new List<Isian>();
        try
        {
            if (!string.IsNullOrWhiteSpace(body))
            {
                using var doc = JsonDocument.Parse(body);
                var root = doc.RootElement;
                if (root.ValueKind == JsonValueKind.Object)
                {
                    rule = Text(root, "rule") ?? RuleOfType(Text(root, "type"));
                    detail = Text(root, "detail");
                    title = Text(root, "title");
                    named = Text(root, "field");
                    if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var field in errors.EnumerateObject())
                        {
                            var messages = field.Value.ValueKind == JsonValueKind.Array
                                ? string.Join(" ", field.Value.EnumerateArray().Select(m => m.ToString()))
                                : field.Value.ToString();
                            fields.Add(new Isian(field.Name, TeksMasalah.FieldLabel(field.Name), messages));
                        }
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: the status says enough.
        }

        var judul = TeksMasalah.ForRule(rule) ?? TeksMasalah.ForStatus(status);
        // The API's English detail stays as the fine print, unless the Indonesian text is all there is to say.
        return new Masalah(status, rule, judul, detail ?? (TeksMasalah.ForRule(rule) is null ? title : null), fields) { Field = named };
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? RuleOfType(string? type) =>
        type is not null && type.StartsWith("urn:koperasi:problem:", StringComparison.Ordinal) ? type["urn:koperasi:problem:".Length..] : null;
}

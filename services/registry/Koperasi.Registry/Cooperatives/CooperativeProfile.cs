using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Koperasi.Registry.Cooperatives;

/// <summary>
/// What a koperasi is registered as: the descriptive fields carried from the request through the
/// command and the registration event to the state. Identifiers with their own claims and change
/// rules (legal-entity decree, NIB, NIK koperasi), people (board, contact) and counts are not part
/// of it. Adding a field here carries it through the chain; see NOTES-profile.md for what else a
/// new field touches.
/// </summary>
public sealed record CooperativeProfile(
    string Name,
    CooperativeForm Form,
    CooperativeType Type,
    SavingsLoanScheme? SavingsLoanScheme,
    bool Syariah,
    bool MultiPihak,
    IReadOnlyList<string> MemberClasses,
    SupervisionLevel SupervisionLevel,
    Address Address,
    string BusinessField);

/// <summary>
/// Writes a positional record's <see cref="CooperativeProfile"/> parameter inline, as if its members
/// were the record's own, and reads it back from the same flat object. The stored JSON of a type
/// that carries a profile keeps the shape it had when the fields were written one by one, so
/// history written before the profile existed loads unchanged. Members missing from stored JSON
/// take the parameter's default.
/// </summary>
public sealed class FlatProfileJsonConverter<T> : JsonConverter<T>
    where T : class
{
    private static readonly ConstructorInfo Constructor = typeof(T).GetConstructors().Single(c => c.GetParameters().Length > 0);
    private static readonly ParameterInfo[] Parameters = Constructor.GetParameters();
    private static readonly PropertyInfo[] Properties = [.. Parameters.Select(p => typeof(T).GetProperty(p.Name!)!)];

    private static readonly PropertyInfo[] ProfileMembers =
        [.. typeof(CooperativeProfile).GetConstructors().Single().GetParameters().Select(p => typeof(CooperativeProfile).GetProperty(p.Name!)!)];

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (JsonNode.Parse(ref reader) is not JsonObject json)
        {
            throw new JsonException($"A {typeof(T).Name} is a JSON object.");
        }

        var arguments = Parameters.Select(p => p.ParameterType == typeof(CooperativeProfile)
            ? ReadProfile(json, options)
            : Member(json, p.Name!, options) is { } value
                ? value.Deserialize(p.ParameterType, options)
                : p.HasDefaultValue ? p.DefaultValue : null);
        return (T)Constructor.Invoke([.. arguments]);
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        var json = new JsonObject();
        for (var i = 0; i < Parameters.Length; i++)
        {
            var (parameter, member) = (Parameters[i], Properties[i].GetValue(value));
            if (member is CooperativeProfile profile)
            {
                foreach (var profileMember in ProfileMembers)
                {
                    Add(json, profileMember.Name, profileMember.PropertyType, profileMember.GetValue(profile), options);
                }
            }
            else
            {
                Add(json, parameter.Name!, parameter.ParameterType, member, options);
            }
        }

        json.WriteTo(writer, options);
    }

    private static CooperativeProfile ReadProfile(JsonObject json, JsonSerializerOptions options)
    {
        var profile = new JsonObject();
        foreach (var member in ProfileMembers)
        {
            if (Member(json, member.Name, options) is { } value)
            {
                profile[NameOf(member.Name, options)] = value.DeepClone();
            }
        }

        return profile.Deserialize<CooperativeProfile>(options)
            ?? throw new JsonException($"A {typeof(T).Name} carries a profile.");
    }

    private static void Add(JsonObject json, string name, Type type, object? value, JsonSerializerOptions options)
    {
        if (value is null && options.DefaultIgnoreCondition == JsonIgnoreCondition.WhenWritingNull)
        {
            return;
        }

        json[NameOf(name, options)] = JsonSerializer.SerializeToNode(value, type, options);
    }

    private static JsonNode? Member(JsonObject json, string name, JsonSerializerOptions options)
    {
        var key = NameOf(name, options);
        if (json.TryGetPropertyValue(key, out var exact))
        {
            return exact;
        }

        var relaxed = json.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase));
        return relaxed.Value;
    }

    private static string NameOf(string member, JsonSerializerOptions options) =>
        options.PropertyNamingPolicy?.ConvertName(member) ?? member;
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Koperasi.ServiceDefaults.Http;

/// <summary>JSON conventions shared by the HTTP APIs and the stored events.</summary>
public static class KoperasiJson
{
    /// <summary>
    /// camelCase names, enums as kebab-case strings ("simpan-pinjam"), and strict reading: a
    /// missing required value, a null where none is allowed or an unknown field is a 400, not a
    /// silently defaulted value.
    /// </summary>
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
    }

    /// <summary>The same conventions outside ASP.NET Core (reading embedded data, writing documents).</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

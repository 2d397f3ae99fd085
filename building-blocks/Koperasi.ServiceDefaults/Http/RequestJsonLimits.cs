using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Koperasi.ServiceDefaults.Http;

/// <summary>
/// Limits on what a request body may hold, whatever the endpoint: nesting depth, the length of
/// any string, NUL and control characters (PostgreSQL cannot store NUL), the number of items in
/// any array and null items where the model has none. A breach is a 400 naming the field, before
/// any handler runs. The endpoints' own checks are narrower; these are the floor.
/// </summary>
public static class RequestJsonLimits
{
    /// <summary>Deepest nesting a body may have.</summary>
    public const int MaxDepth = 16;

    /// <summary>Longest string any field may hold (the longest free text is 20,000 characters).</summary>
    public const int MaxStringLength = 20_000;

    /// <summary>Most items any array may hold.</summary>
    public const int MaxItems = 1_000;

    /// <summary>Adds the limits to the options the HTTP APIs read bodies with.</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.MaxDepth = MaxDepth;
        options.Converters.Insert(0, new LimitedStringConverter());
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(LimitCollections);
    }

    private static void LimitCollections(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in type.Properties)
        {
            if (property.PropertyType == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(property.PropertyType)
                || property.CustomConverter is not null || IsDictionary(property.PropertyType))
            {
                continue;
            }

            var converter = typeof(LimitedCollectionConverter<>).MakeGenericType(property.PropertyType);
            object[] arguments = [ItemsMayBeNull(property)];
            property.CustomConverter = (JsonConverter)Activator.CreateInstance(converter, arguments)!;
        }
    }

    private static bool IsDictionary(Type type) =>
        typeof(IDictionary).IsAssignableFrom(type)
        || type.GetInterfaces().Append(type).Any(i => i.IsGenericType && i.GetGenericTypeDefinition() is var d
            && (d == typeof(IDictionary<,>) || d == typeof(IReadOnlyDictionary<,>)));

    private static bool ItemsMayBeNull(JsonPropertyInfo property)
    {
        var itemType = property.PropertyType.IsArray
            ? property.PropertyType.GetElementType()
            : property.PropertyType.GetInterfaces().Append(property.PropertyType)
                .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
        if (itemType is null)
        {
            return true;
        }

        if (itemType.IsValueType)
        {
            return Nullable.GetUnderlyingType(itemType) is not null;
        }

        var nullability = property.AttributeProvider switch
        {
            PropertyInfo p => new NullabilityInfoContext().Create(p),
            FieldInfo f => new NullabilityInfoContext().Create(f),
            _ => null,
        };
        var item = nullability?.ElementType ?? (nullability?.GenericTypeArguments is [var only] ? only : null);
        return item?.ReadState == NullabilityState.Nullable;
    }

    private sealed class LimitedStringConverter : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetString() is { } value ? Checked(value) : null;

        // Dictionary keys (regency quotas, problem errors) are strings too.
        public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Checked(reader.GetString()!);

        public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
            writer.WritePropertyName(value);

        private static string Checked(string value)
        {
            if (value.Length > MaxStringLength)
            {
                throw new RequestJsonException($"At most {MaxStringLength} characters.");
            }

            return value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
                ? throw new RequestJsonException("Control characters (NUL and the like) are not allowed.")
                : value;
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value);
    }

    private sealed class LimitedCollectionConverter<T>(bool itemsMayBeNull) : JsonConverter<T>
    {
        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            T? value;
            try
            {
                value = JsonSerializer.Deserialize(ref reader, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)));
            }
            catch (JsonException inner) when (inner.Path is { Length: > 1 } path)
            {
                // The inner read starts its path at "$"; the caller should hear "board[0].name", not "[0].name".
                var request = inner as RequestJsonException;
                throw new RequestJsonException(request?.Detail, path[1..] + request?.SubPath, inner);
            }

            if (value is not IEnumerable items)
            {
                return value;
            }

            var index = 0;
            foreach (var item in items)
            {
                if (index == MaxItems)
                {
                    throw new RequestJsonException($"At most {MaxItems} items.");
                }

                if (item is null && !itemsMayBeNull)
                {
                    throw new RequestJsonException($"Item {index} is null; every item needs a value.");
                }

                index++;
            }

            return value;
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)));
    }
}

/// <summary>A request body breaks one of <see cref="RequestJsonLimits"/>; the message says which, never the value.</summary>
public sealed class RequestJsonException : JsonException
{
    /// <summary>A breach of a limit, at the path the reader is at.</summary>
    public RequestJsonException(string message)
        : base(message) => Detail = message;

    /// <summary>A failure inside an array, at <paramref name="subPath"/> below the path the reader is at.</summary>
    public RequestJsonException(string? detail, string subPath, Exception inner)
        : base(detail ?? inner.Message, inner) => (Detail, SubPath) = (detail, subPath);

    /// <summary>What is wrong, for the caller; null when only the field is known.</summary>
    public string? Detail { get; }

    /// <summary>Where below <see cref="JsonException.Path"/> the fault is, such as "[0].name".</summary>
    public string? SubPath { get; }
}

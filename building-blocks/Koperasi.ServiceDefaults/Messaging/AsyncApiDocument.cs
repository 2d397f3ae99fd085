using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;
using Koperasi.Contracts;
using MassTransit;
using MassTransit.Serialization;

namespace Koperasi.ServiceDefaults.Messaging;

/// <summary>
/// The AsyncAPI 3.0 document of a publishing service, generated from the contract types of the
/// contracts assembly (never written by hand, so it cannot drift): one channel per contract, named
/// and addressed as its exchange (the URN without <c>urn:message:</c>, as provisioning declares it),
/// one message per contract whose payload is the MassTransit envelope with the contract's JSON
/// Schema in <c>message</c>, and the headers every message carries. The schemas come from
/// <see cref="JsonSchemaExporter"/> with the serializer options the bus uses, so they describe the
/// wire. A contract belongs to the service named in its URN (<c>koperasi:registry:...</c>).
/// </summary>
public static class AsyncApiDocument
{
    /// <summary>Where each service serves its document (and the gateway forwards it): <c>/asyncapi/registry.json</c>.</summary>
    public const string PathPattern = "/asyncapi/{documentName}.json";

    /// <summary>The RabbitMQ vhost the running platform publishes in.</summary>
    public const string VirtualHost = "koperasi";

    private const string UrnPrefix = "urn:message:";

    /// <summary>Header: the global sequence of the source event in its service's event store.</summary>
    public const string SequenceHeader = "koperasi-sequence";

    /// <summary>Header: when the source event was recorded (ISO 8601, UTC).</summary>
    public const string RecordedAtHeader = "koperasi-recorded-at";

    /// <summary>Header: the id of the source stream (the koperasi, the case, the application).</summary>
    public const string SourceStreamHeader = "koperasi-source-stream";

    /// <summary>Header: the version of the source stream after the event.</summary>
    public const string SourceVersionHeader = "koperasi-source-version";

    /// <summary>Header: the user whose request recorded the event, when there was one.</summary>
    public const string ActorHeader = "koperasi-actor";

    /// <summary>Every contract type of the contracts assembly: the types with a message URN.</summary>
    public static IReadOnlyList<Type> ContractTypes { get; } =
    [
        .. typeof(IIntegrationEvent).Assembly.GetTypes()
            .Where(type => type.GetCustomAttribute<MessageUrnAttribute>() is not null)
            .OrderBy(type => Urn(type), StringComparer.Ordinal),
    ];

    /// <summary>The services that publish at least one contract (registry, transformation, funding).</summary>
    public static IReadOnlyList<string> Publishers { get; } =
        [.. ContractTypes.Select(Publisher).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>The contract's URN without <c>urn:message:</c>: the name of its exchange.</summary>
    public static string Exchange(Type contract) => Urn(contract)[UrnPrefix.Length..];

    /// <summary>The publishing service named in the contract's URN.</summary>
    public static string Publisher(Type contract) => Exchange(contract).Split(':')[1];

    /// <summary>The short name of a contract (<c>cooperative-registered</c>).</summary>
    public static string MessageName(Type contract) => Exchange(contract).Split(':')[2];

    /// <summary>The contracts <paramref name="service"/> publishes.</summary>
    public static IReadOnlyList<Type> ContractsOf(string service) =>
        [.. ContractTypes.Where(type => Publisher(type) == service)];

    /// <summary>
    /// The JSON Schema of <paramref name="contract"/> as the bus serializes it (MassTransit's
    /// System.Text.Json options).
    /// </summary>
    public static JsonObject ContractSchema(Type contract)
    {
        var schema = JsonSchemaExporter.GetJsonSchemaAsNode(SerializerOptions, contract, ExporterOptions).AsObject();
        schema.Remove("$schema");
        return schema;
    }

    /// <summary>The document of <paramref name="service"/>, or null when it publishes nothing.</summary>
    public static JsonObject? For(string service)
    {
        var contracts = ContractsOf(service);
        if (contracts.Count == 0)
        {
            return null;
        }

        var channels = new JsonObject();
        var operations = new JsonObject();
        var messages = new JsonObject();
        var schemas = new JsonObject();
        foreach (var contract in contracts)
        {
            var name = MessageName(contract);
            var exchange = Exchange(contract);
            schemas[contract.Name] = ContractSchema(contract);
            messages[name] = new JsonObject
            {
                ["name"] = name,
                ["title"] = contract.Name,
                ["summary"] = $"{Urn(contract)}: the envelope's message is a {contract.Name}.",
                ["contentType"] = "application/vnd.masstransit+json",
                ["headers"] = new JsonObject { ["$ref"] = "#/components/schemas/Headers" },
                ["payload"] = Envelope(contract),
                ["correlationId"] = new JsonObject
                {
                    ["description"] = "The id of the source event: the same after a replay, so a subscriber deduplicates by it.",
                    ["location"] = "$message.payload#/messageId",
                },
                ["bindings"] = new JsonObject
                {
                    ["amqp"] = new JsonObject { ["contentEncoding"] = "utf-8", ["messageType"] = Urn(contract), ["bindingVersion"] = "0.3.0" },
                },
            };
            channels[name] = new JsonObject
            {
                ["address"] = exchange,
                ["title"] = exchange,
                ["description"] = $"The fanout exchange of {Urn(contract)}, declared by provisioning. Bind a queue of your own to it.",
                ["messages"] = new JsonObject { [name] = new JsonObject { ["$ref"] = $"#/components/messages/{name}" } },
                ["bindings"] = new JsonObject
                {
                    ["amqp"] = new JsonObject
                    {
                        ["is"] = "routingKey",
                        ["exchange"] = new JsonObject { ["name"] = exchange, ["type"] = "fanout", ["durable"] = true, ["autoDelete"] = false, ["vhost"] = VirtualHost },
                        ["bindingVersion"] = "0.3.0",
                    },
                },
            };
            operations[$"receive-{name}"] = new JsonObject
            {
                ["action"] = "receive",
                ["summary"] = $"Subscribe to {name}: bind a queue to the exchange {exchange}.",
                ["channel"] = new JsonObject { ["$ref"] = $"#/channels/{name}" },
                ["messages"] = new JsonArray(new JsonObject { ["$ref"] = $"#/channels/{name}/messages/{name}" }),
            };
        }

        schemas["Headers"] = Headers();
        return new JsonObject
        {
            ["asyncapi"] = "3.0.0",
            ["id"] = $"urn:koperasi:{service}",
            ["info"] = new JsonObject
            {
                ["title"] = $"Koperasi {Title(service)} integration events",
                ["version"] = "1.0.0",
                ["description"] = $"The integration events the {Title(service)} service publishes on RabbitMQ, generated from the contract types. "
                    + "Each contract has its own fanout exchange named after its URN; a subscriber binds a queue of its own to it. "
                    + "Delivery is at least once: deduplicate by messageId. Contracts only grow compatibly; a breaking change gets a new vN. "
                    + "See docs/integration-events.md.",
            },
            ["defaultContentType"] = "application/vnd.masstransit+json",
            ["servers"] = new JsonObject
            {
                ["rabbitmq"] = new JsonObject
                {
                    ["host"] = "rabbitmq:5672",
                    ["protocol"] = "amqp",
                    ["protocolVersion"] = "0.9.1",
                    ["pathname"] = $"/{VirtualHost}",
                    ["description"] = "The platform's RabbitMQ; the host is the deployment's. Each downstream system gets a broker user of its own.",
                },
            },
            ["channels"] = channels,
            ["operations"] = operations,
            ["components"] = new JsonObject { ["messages"] = messages, ["schemas"] = schemas },
        };
    }

    /// <summary>The document as the service serves it and as docs/asyncapi holds it.</summary>
    public static string Serialize(JsonObject document) =>
        document.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";

    private static JsonSerializerOptions SerializerOptions { get; } = CreateSerializerOptions();

    private static JsonSchemaExporterOptions ExporterOptions { get; } = new()
    {
        TreatNullObliviousAsNonNullable = true,
        TransformSchemaNode = (context, schema) =>
        {
            // MassTransit writes decimals as strings (a custom converter the exporter cannot see into).
            var type = Nullable.GetUnderlyingType(context.TypeInfo.Type) ?? context.TypeInfo.Type;
            if (type == typeof(decimal))
            {
                var nullable = context.TypeInfo.Type != type || (context.PropertyInfo?.IsGetNullable ?? false);
                return new JsonObject
                {
                    ["type"] = nullable ? new JsonArray("string", "null") : "string",
                    ["pattern"] = "^-?[0-9]+(\\.[0-9]+)?$",
                    ["description"] = "A decimal number, written as a string.",
                };
            }

            return schema;
        },
    };

    private static JsonSerializerOptions CreateSerializerOptions()
    {
        var options = new JsonSerializerOptions(SystemTextJsonMessageSerializer.Options)
        {
            TypeInfoResolver = SystemTextJsonMessageSerializer.Options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver(),
        };
        options.MakeReadOnly();
        return options;
    }

    private static JsonObject Envelope(Type contract) => new()
    {
        ["type"] = "object",
        ["description"] = "The MassTransit envelope. Read the contract from message; messageId identifies the source event.",
        ["required"] = new JsonArray("messageId", "messageType", "message"),
        ["properties"] = new JsonObject
        {
            ["messageId"] = new JsonObject { ["type"] = "string", ["format"] = "uuid", ["description"] = "The id of the source event: the deduplication key." },
            ["correlationId"] = new JsonObject { ["type"] = new JsonArray("string", "null") },
            ["conversationId"] = new JsonObject { ["type"] = new JsonArray("string", "null") },
            ["sourceAddress"] = new JsonObject { ["type"] = new JsonArray("string", "null") },
            ["destinationAddress"] = new JsonObject { ["type"] = new JsonArray("string", "null") },
            ["messageType"] = new JsonObject
            {
                ["type"] = "array",
                ["items"] = new JsonObject { ["type"] = "string" },
                ["contains"] = new JsonObject { ["const"] = Urn(contract) },
            },
            ["message"] = new JsonObject { ["$ref"] = $"#/components/schemas/{contract.Name}" },
            ["sentTime"] = new JsonObject { ["type"] = new JsonArray("string", "null"), ["format"] = "date-time" },
            ["headers"] = new JsonObject { ["type"] = new JsonArray("object", "null"), ["description"] = "The same headers as the AMQP message's." },
            ["host"] = new JsonObject { ["type"] = new JsonArray("object", "null"), ["description"] = "The publishing process (machine, assembly)." },
        },
    };

    private static JsonObject Headers() => new()
    {
        ["type"] = "object",
        ["description"] = "AMQP headers the relay sets on every message (also in the envelope's headers). MassTransit adds its own (MT-*, traceparent) beside them. "
            + "A replay publishes the same source events again with the same values, so a subscriber orders and deduplicates by them.",
        ["required"] = new JsonArray(SequenceHeader, RecordedAtHeader, SourceStreamHeader, SourceVersionHeader),
        ["properties"] = new JsonObject
        {
            [SequenceHeader] = new JsonObject
            {
                ["type"] = "integer",
                ["minimum"] = 1,
                ["description"] = "The global sequence of the source event in the publishing service's event store: its position. "
                    + "Increasing across all contracts of one publisher; a replay from a sequence starts there.",
            },
            [RecordedAtHeader] = new JsonObject
            {
                ["type"] = "string",
                ["format"] = "date-time",
                ["description"] = "When the publishing service recorded the source event (ISO 8601, UTC).",
            },
            [SourceStreamHeader] = new JsonObject
            {
                ["type"] = "string",
                ["format"] = "uuid",
                ["description"] = "The source stream: the koperasi, the case or the application the event belongs to.",
            },
            [SourceVersionHeader] = new JsonObject
            {
                ["type"] = "integer",
                ["minimum"] = 1,
                ["description"] = "The version of the source stream after the event (the contract's streamVersion).",
            },
            [ActorHeader] = new JsonObject
            {
                ["type"] = "string",
                ["description"] = "The user name of the officer or system whose request recorded the event (e.g. pembina.merangin); absent for the platform's own decisions.",
            },
        },
    };

    private static string Urn(Type contract) => contract.GetCustomAttribute<MessageUrnAttribute>()!.Urn.ToString();

    private static string Title(string service) => char.ToUpperInvariant(service[0]) + service[1..];
}

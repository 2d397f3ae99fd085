using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using Json.Schema;
using Koperasi.ServiceDefaults.Messaging;
using MassTransit;

namespace Koperasi.Testing;

/// <summary>
/// Checks every message a hosted service publishes against its AsyncAPI document: the envelope
/// exactly as the serializer puts it on the wire against the message's payload schema, and the
/// headers against the documented headers. A host that uses it (<see cref="ServiceHost{TProgram}.WithPublishedContractsValidation"/>)
/// fails its tests' cleanup when one did not conform.
/// </summary>
public sealed class PublishedContracts : IPublishObserver
{
    private static readonly ConcurrentDictionary<Type, JsonSchema> PayloadSchemas = new();
    private static readonly Lazy<JsonSchema> HeaderSchema = new(() => Compile(Document(AsyncApiDocument.Publishers[0])["components"]!["schemas"]!["Headers"]!.DeepClone()));
    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    private readonly ConcurrentQueue<string> _problems = new();
    private int _checked;

    /// <summary>How many contract messages were checked.</summary>
    public int Checked => _checked;

    /// <summary>One line per message that did not conform.</summary>
    public IReadOnlyCollection<string> Problems => _problems;

    /// <summary>
    /// What is wrong with a published message of <paramref name="contract"/>: its envelope JSON and
    /// its headers against the service's AsyncAPI document. Empty when it conforms.
    /// </summary>
    public static IReadOnlyList<string> Check(Type contract, string envelope, IEnumerable<KeyValuePair<string, object?>> headers)
    {
        var problems = Errors(PayloadSchemas.GetOrAdd(contract, PayloadSchema), JsonNode.Parse(envelope));
        var headerObject = new JsonObject();
        foreach (var (key, value) in headers)
        {
            headerObject[key] = value switch
            {
                null => null,
                string text => text,
                long number => number,
                int number => number,
                bool flag => flag,
                _ => Convert.ToString(value, CultureInfo.InvariantCulture),
            };
        }

        return [.. problems, .. Errors(HeaderSchema.Value, headerObject).Select(p => "header " + p)];
    }

    /// <summary>The payload schema of <paramref name="contract"/>'s message, with the contract's schema inlined.</summary>
    public static JsonNode PayloadSchemaOf(Type contract)
    {
        var document = Document(AsyncApiDocument.Publisher(contract));
        var payload = document["components"]!["messages"]![AsyncApiDocument.MessageName(contract)]!["payload"]!.DeepClone().AsObject();
        var reference = payload["properties"]!["message"]!["$ref"]!.GetValue<string>();
        payload["properties"]!["message"] = document["components"]!["schemas"]![reference.Split('/')[^1]]!.DeepClone();
        return payload;
    }

    public Task PrePublish<T>(PublishContext<T> context) where T : class => Task.CompletedTask;

    public Task PostPublish<T>(PublishContext<T> context) where T : class
    {
        if (typeof(T).GetCustomAttribute<MessageUrnAttribute>() is null || context.Serializer is null)
        {
            return Task.CompletedTask;
        }

        Interlocked.Increment(ref _checked);
        var envelope = context.Serializer.GetMessageBody(context).GetString();
        foreach (var problem in Check(typeof(T), envelope, context.Headers.GetAll().Select(h => new KeyValuePair<string, object?>(h.Key, h.Value))))
        {
            _problems.Enqueue($"{typeof(T).Name} {context.MessageId}: {problem}");
        }

        return Task.CompletedTask;
    }

    public Task PublishFault<T>(PublishContext<T> context, Exception exception) where T : class => Task.CompletedTask;

    private static JsonSchema PayloadSchema(Type contract) => Compile(PayloadSchemaOf(contract));

    private static JsonObject Document(string service) => AsyncApiDocument.For(service)
        ?? throw new InvalidOperationException($"{service} publishes no contract.");

    private static JsonSchema Compile(JsonNode schema) => JsonSchema.FromText(schema.ToJsonString());

    private static List<string> Errors(JsonSchema schema, JsonNode? instance)
    {
        var result = schema.Evaluate(instance, Options);
        if (result.IsValid)
        {
            return [];
        }

        List<string> errors =
        [
            .. result.Details
                .Where(detail => detail.Errors is { Count: > 0 })
                .SelectMany(detail => detail.Errors!.Select(error => $"{detail.InstanceLocation}: {error.Key}: {error.Value}")),
        ];
        return errors.Count > 0 ? errors : ["does not conform"];
    }
}

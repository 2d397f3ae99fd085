using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using JasperFx.Events;
using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Identity;
using Koperasi.ServiceDefaults.Persistence;
using Marten;
using Marten.Events;
using MassTransit;
using MassTransit.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Koperasi.ServiceDefaults.Messaging;

/// <summary>
/// History on demand for one subscriber: a caller with the <c>service</c> role asks the publisher to
/// publish its integration events again (all, or some contracts; from a sequence or a time) to its
/// own queue only, through the publisher's replay exchange (topic) with the queue's name as routing
/// key, so no other subscriber sees anything.
/// A queue is the caller's when its name starts with the caller's name and '-' (the prefix its
/// broker user may declare, see deploy/subscriber.sh). Each message keeps its message id and its
/// position headers, so the subscriber dedupes the overlap with the live flow. A worker sends at
/// most <c>SubscriberReplay:Batch</c> messages every <c>SubscriberReplay:Interval</c>, so the live
/// flow is not starved. The operator's global replay (<see cref="RelayOperations"/>) stays for repairs.
/// </summary>
public static partial class SubscriberReplays
{
    /// <summary>The OpenAPI tag of the replay endpoints, in every publishing service.</summary>
    public const string Tag = "Subscriptions";

    /// <summary>The tag's description (each service's *Api.Tags lists it).</summary>
    public const string TagDescription = "For downstream systems (role service): the published integration events replayed to the caller's own queue, with progress.";

    /// <summary>Registers the worker that sends the replays.</summary>
    public static IHostApplicationBuilder AddSubscriberReplays(this IHostApplicationBuilder builder, string service)
    {
        builder.Services.AddHostedService(provider => new Worker(
            service,
            provider.GetRequiredService<IDocumentStore>(),
            provider.GetRequiredService<IIntegrationEventMap>(),
            provider.GetRequiredService<IConfiguration>(),
            provider.GetRequiredService<LeaderElection>(),
            provider.GetRequiredService<ILogger<Worker>>()));
        return builder;
    }

    /// <summary>Maps <c>POST {group}/subscriber-replays</c> and <c>GET {group}/subscriber-replays/{id}</c>, admitted by <paramref name="policy"/>.</summary>
    public static RouteGroupBuilder MapSubscriberReplays(this RouteGroupBuilder group, string policy)
    {
        group.MapPost("/subscriber-replays", StartAsync)
            .WithName("StartSubscriberReplay")
            .WithTags(Tag)
            .WithSummary("Replay the published events to the caller's own queue")
            .WithDescription("Publishes the integration events again (all, or the contracts named; after fromSequence or from fromTime) to one queue of the caller (its name starts with the caller's name and '-'), bound to koperasi:<service>:replay with its own name as routing key: no other subscriber receives them. Messages keep their message id and position headers (dedupe the overlap with the live flow). Rate-limited; follow it with GET.")
            .RequireAuthorization(policy)
            .Produces<SubscriberReplayProgress>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem();
        group.MapGet("/subscriber-replays/{id:guid}", GetAsync)
            .WithName("GetSubscriberReplay")
            .WithTags(Tag)
            .WithSummary("How far a replay to the caller's queue is")
            .RequireAuthorization(policy)
            .Produces<SubscriberReplayProgress>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    /// <summary>
    /// The publisher's replay exchange, <c>koperasi:&lt;service&gt;:replay</c> (topic, durable; after the
    /// test run's prefix): a subscriber binds its queue with the queue's own name as routing key, and
    /// its broker user's topic permission admits only keys of its prefix (deploy/subscriber.sh).
    /// </summary>
    public static string ReplayExchange(string service, string? entityPrefix) =>
        string.IsNullOrWhiteSpace(entityPrefix) ? $"koperasi:{service}:replay" : $"{entityPrefix}.koperasi:{service}:replay";

    /// <summary>The queue prefix of a caller: its name, '-', after the test run's entity prefix if any.</summary>
    public static string QueuePrefixOf(string callerName, string? entityPrefix) =>
        string.IsNullOrWhiteSpace(entityPrefix) ? $"{callerName}-" : $"{entityPrefix}.{callerName}-";

    private static async Task<Results<Accepted<SubscriberReplayProgress>, ValidationProblem>> StartAsync(
        SubscriberReplayRequest request, ClaimsPrincipal user, BrokerNames names, IDocumentSession session, IIntegrationEventMap map, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var service = names.Service;

        var caller = user.FindFirst(KoperasiRoles.NameClaim)?.Value;
        var settings = configuration.GetSection("RabbitMq").Get<RabbitMqSettings>() ?? new RabbitMqSettings();
        if (string.IsNullOrWhiteSpace(request.Queue))
        {
            return Problems.Validation("queue", "Required: the name of the caller's queue.");
        }

        if (string.IsNullOrWhiteSpace(caller) || !request.Queue.StartsWith(QueuePrefixOf(caller, settings.EntityPrefix), StringComparison.Ordinal)
            || request.Queue.Length > 255)
        {
            return Problems.Validation("queue", $"A replay goes only to a queue of the caller: its name must start with '{(caller is null ? "<caller name>-" : QueuePrefixOf(caller, settings.EntityPrefix))}'.");
        }

        if (request.FromSequence is < 0)
        {
            return Problems.Validation("fromSequence", "A position in the event store: 0 or more.");
        }

        if (request.FromSequence is > 0 && request.FromTime is not null)
        {
            return Problems.Validation("fromTime", "Give fromSequence or fromTime, not both.");
        }

        var published = AsyncApiDocument.ContractsOf(service).Select(AsyncApiDocument.Exchange).ToArray();
        var contracts = request.Contracts is { Length: > 0 } ? request.Contracts : published;
        if (contracts.FirstOrDefault(c => !published.Contains(c, StringComparer.Ordinal)) is not null || contracts.Any(c => c is null))
        {
            return Problems.Validation("contracts", $"Not a contract this service publishes: '{contracts.FirstOrDefault(c => c is null || !published.Contains(c, StringComparer.Ordinal))}'. It publishes: {string.Join(", ", published)}.");
        }

        if (!await QueueExistsAsync(settings, ReplayExchange(service, settings.EntityPrefix), request.Queue, cancellationToken))
        {
            return Problems.Validation("queue", $"No queue '{request.Queue}' on the broker: declare and bind it first.");
        }

        var from = request.FromSequence ?? 0;
        var events = Range(session, map, from, long.MaxValue, request.FromTime);
        var upTo = await events.AnyAsync(cancellationToken) ? await events.MaxAsync(e => e.Sequence, cancellationToken) : from;
        var total = await events.CountAsync(cancellationToken);
        var replay = new SubscriberReplay
        {
            Id = Guid.NewGuid(),
            Caller = caller,
            Queue = request.Queue,
            Contracts = [.. contracts.Distinct(StringComparer.Ordinal)],
            FromSequence = from,
            FromTime = request.FromTime,
            UpToSequence = upTo,
            Position = from,
            Total = total,
            Status = total == 0 ? "completed" : "running",
        };
        session.Store(replay);
        await session.SaveChangesAsync(cancellationToken);
        return TypedResults.Accepted($"subscriber-replays/{replay.Id}", replay.ToStatus());
    }

    private static async Task<Results<Ok<SubscriberReplayProgress>, ProblemHttpResult>> GetAsync(Guid id, ClaimsPrincipal user, IQuerySession session, CancellationToken cancellationToken)
    {
        var replay = await session.LoadAsync<SubscriberReplay>(id, cancellationToken);
        if (replay is null || replay.Caller != user.FindFirst(KoperasiRoles.NameClaim)?.Value)
        {
            return TypedResults.Problem(detail: $"No replay {id} of this caller.", statusCode: StatusCodes.Status404NotFound, title: "Not found", type: Problems.TypePrefix + "not-found");
        }

        return TypedResults.Ok(replay.ToStatus());
    }

    private static IQueryable<IEvent> Range(IQuerySession session, IIntegrationEventMap map, long after, long upTo, DateTimeOffset? fromTime)
    {
        var types = map.PublishedEventTypes.ToArray();
        var query = session.Events.QueryAllRawEvents().Where(e => e.Sequence > after && e.Sequence <= upTo && e.EventTypesAre(types));
        return fromTime is { } time ? query.Where(e => e.Timestamp >= time) : query;
    }

    private static ConnectionFactory Factory(RabbitMqSettings settings) => new()
    {
        HostName = settings.Host,
        Port = settings.Port,
        VirtualHost = settings.VirtualHost,
        UserName = settings.Username,
        Password = settings.Password,
        ClientProvidedName = "subscriber-replay",
    };

    private static async Task<bool> QueueExistsAsync(RabbitMqSettings settings, string exchange, string queue, CancellationToken cancellationToken)
    {
        await using var connection = await Factory(settings).CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        await DeclareReplayExchangeAsync(channel, exchange, cancellationToken);
        try
        {
            await channel.QueueDeclarePassiveAsync(queue, cancellationToken);
            return true;
        }
        catch (OperationInterruptedException)
        {
            return false;
        }
    }

    private static Task DeclareReplayExchangeAsync(IChannel channel, string exchange, CancellationToken cancellationToken) =>
        channel.ExchangeDeclareAsync(exchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken);

    /// <summary>A replay as stored (Marten document).</summary>
    public sealed class SubscriberReplay
    {
        /// <summary>Id.</summary>
        public Guid Id { get; set; }

        /// <summary>The caller's name (token's preferred_username).</summary>
        public string Caller { get; set; } = "";

        /// <summary>The caller's queue.</summary>
        public string Queue { get; set; } = "";

        /// <summary>Contract exchange names replayed.</summary>
        public string[] Contracts { get; set; } = [];

        /// <summary>After this sequence.</summary>
        public long FromSequence { get; set; }

        /// <summary>From this recorded time.</summary>
        public DateTimeOffset? FromTime { get; set; }

        /// <summary>The last sequence of the range.</summary>
        public long UpToSequence { get; set; }

        /// <summary>The last sequence looked at.</summary>
        public long Position { get; set; }

        /// <summary>Messages sent.</summary>
        public long Published { get; set; }

        /// <summary>Events in the range.</summary>
        public long Total { get; set; }

        /// <summary>running, completed, failed.</summary>
        public string Status { get; set; } = "running";

        /// <summary>Why it failed.</summary>
        public string? Problem { get; set; }

        /// <summary>Not before this time does the worker send the next batch.</summary>
        public DateTimeOffset NextBatchAt { get; set; }

        internal SubscriberReplayProgress ToStatus() => new(Id, Queue, Contracts, FromSequence, FromTime, UpToSequence, Position, Published, Total, Status, Problem);
    }

    /// <summary>The work's name in the election: one replica at a time sends the replays.</summary>
    public const string ElectedWork = "subscriber-replays";

    /// <summary>Sends the running replays, one batch per replay per interval, on the elected replica only (several replicas would send a batch twice).</summary>
    internal sealed partial class Worker(string service, IDocumentStore store, IIntegrationEventMap map, IConfiguration configuration, LeaderElection election, ILogger<Worker> logger) : BackgroundService
    {
        private static readonly JsonSerializerOptions Json = SystemTextJsonMessageSerializer.Options;

        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            var section = configuration.GetSection("SubscriberReplay");
            var batch = Math.Max(1, section.GetValue("Batch", 200));
            var interval = section.GetValue("Interval", TimeSpan.FromSeconds(1));
            var poll = section.GetValue("PollInterval", TimeSpan.FromMilliseconds(500));
            var settings = configuration.GetSection("RabbitMq").Get<RabbitMqSettings>() ?? new RabbitMqSettings();
            var contractsByExchange = AsyncApiDocument.ContractsOf(service).ToDictionary(AsyncApiDocument.Exchange, t => t, StringComparer.Ordinal);
            // The replay exchange exists from the start, so a subscriber binds its queue before asking.
            try
            {
                await using var connection = await Factory(settings).CreateConnectionAsync(stoppingToken);
                await using var channel = await connection.CreateChannelAsync(cancellationToken: stoppingToken);
                await DeclareReplayExchangeAsync(channel, ReplayExchange(service, settings.EntityPrefix), stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogReplayError(exception.Message);
            }

            await election.RunWhileLeaderAsync(ElectedWork, leading => SendWhileLeadingAsync(batch, interval, poll, settings, contractsByExchange, leading), stoppingToken);
        }

        private async Task SendWhileLeadingAsync(int batch, TimeSpan interval, TimeSpan poll, RabbitMqSettings settings, Dictionary<string, Type> contractsByExchange, CancellationToken stoppingToken)
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await using var session = store.LightweightSession();
                    var now = TimeProvider.System.GetUtcNow();
                    var due = await session.Query<SubscriberReplay>().Where(r => r.Status == "running" && r.NextBatchAt <= now).ToListAsync(stoppingToken);
                    foreach (var replay in due)
                    {
                        await SendBatchAsync(session, replay, batch, settings, contractsByExchange, stoppingToken);
                        replay.NextBatchAt = TimeProvider.System.GetUtcNow() + interval;
                        session.Store(replay);
                        await session.SaveChangesAsync(stoppingToken);
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    LogReplayError(exception.Message);
                }

                try
                {
                    await Task.Delay(poll, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }

        private async Task SendBatchAsync(IDocumentSession session, SubscriberReplay replay, int batch, RabbitMqSettings settings, Dictionary<string, Type> contractsByExchange, CancellationToken cancellationToken)
        {
            var wanted = replay.Contracts.Select(c => contractsByExchange.GetValueOrDefault(c)).OfType<Type>().ToHashSet();
            var states = new StreamStates(store);
            await using var connection = await Factory(settings).CreateConnectionAsync(cancellationToken);
            await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
            var exchange = ReplayExchange(service, settings.EntityPrefix);
            await DeclareReplayExchangeAsync(channel, exchange, cancellationToken);
            var sent = 0;
            while (sent < batch)
            {
                var page = await Range(session, map, replay.Position, replay.UpToSequence, replay.FromTime)
                    .OrderBy(e => e.Sequence).Take(Math.Min(100, batch - sent + 20)).ToListAsync(cancellationToken);
                if (page.Count == 0)
                {
                    replay.Position = replay.UpToSequence;
                    replay.Status = "completed";
                    return;
                }

                foreach (var committed in page)
                {
                    if (await map.MapAsync(committed, states, cancellationToken) is { } contract && wanted.Contains(contract.GetType()))
                    {
                        try
                        {
                            await PublishAsync(channel, exchange, replay.Queue, contract, committed, cancellationToken);
                        }
                        catch (RabbitMQ.Client.Exceptions.PublishException exception)
                        {
                            replay.Status = "failed";
                            replay.Problem = $"The broker did not route the message to queue '{replay.Queue}': bind it to '{exchange}' with its own name as routing key. {exception.Message}";
                            return;
                        }

                        replay.Published++;
                        sent++;
                    }

                    replay.Position = committed.Sequence;
                    if (sent >= batch)
                    {
                        break;
                    }
                }
            }

            if (replay.Position >= replay.UpToSequence)
            {
                replay.Status = "completed";
            }
        }

        private static async Task PublishAsync(IChannel channel, string exchange, string queue, object contract, IEvent committed, CancellationToken cancellationToken)
        {
            var headers = new JsonObject
            {
                [AsyncApiDocument.SequenceHeader] = committed.Sequence,
                [AsyncApiDocument.RecordedAtHeader] = committed.Timestamp.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
                [AsyncApiDocument.SourceStreamHeader] = committed.StreamId.ToString(),
                [AsyncApiDocument.SourceVersionHeader] = committed.Version,
            };
            if (committed.UserName is { } actor)
            {
                headers[AsyncApiDocument.ActorHeader] = actor;
            }

            // The envelope MassTransit's JSON serializer writes, so any subscriber reads a replayed
            // message exactly as a live one.
            var envelope = new JsonObject
            {
                ["messageId"] = committed.Id.ToString(),
                ["destinationAddress"] = $"queue:{queue}",
                ["messageType"] = new JsonArray(MessageUrn.ForTypeString(contract.GetType())),
                ["message"] = JsonSerializer.SerializeToNode(contract, contract.GetType(), Json),
                ["sentTime"] = TimeProvider.System.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
                ["headers"] = headers.DeepClone(),
            };
            var properties = new BasicProperties
            {
                MessageId = committed.Id.ToString(),
                ContentType = "application/vnd.masstransit+json",
                Persistent = true,
                Headers = new Dictionary<string, object?>
                {
                    [AsyncApiDocument.SequenceHeader] = committed.Sequence,
                    [AsyncApiDocument.RecordedAtHeader] = headers[AsyncApiDocument.RecordedAtHeader]!.GetValue<string>(),
                    [AsyncApiDocument.SourceStreamHeader] = committed.StreamId.ToString(),
                    [AsyncApiDocument.SourceVersionHeader] = committed.Version,
                    ["koperasi-replay"] = "true",
                },
            };
            if (committed.UserName is { } user)
            {
                properties.Headers[AsyncApiDocument.ActorHeader] = user;
            }

            await channel.BasicPublishAsync(exchange, queue, mandatory: true, properties, Encoding.UTF8.GetBytes(envelope.ToJsonString()), cancellationToken);
        }

        [LoggerMessage(Level = LogLevel.Warning, Message = "A subscriber replay could not go on: {Reason}. It retries on the next poll.")]
        private partial void LogReplayError(string reason);
    }
}

/// <summary>What a subscriber asks for.</summary>
public sealed class SubscriberReplayRequest
{
    /// <summary>The queue to receive the messages; it must exist and start with the caller's prefix.</summary>
    public string? Queue { get; init; }

    /// <summary>Replay events after this global sequence (0 or absent: from the beginning).</summary>
    public long? FromSequence { get; init; }

    /// <summary>Or: replay events recorded at or after this time.</summary>
    public DateTimeOffset? FromTime { get; init; }

    /// <summary>Contract exchange names (<c>koperasi:registry:cooperative-registered:v1</c>); absent or empty: every contract of the publisher.</summary>
    public string[]? Contracts { get; init; }
}

/// <summary>A replay and how far it is.</summary>
/// <param name="Id">The replay's id.</param>
/// <param name="Queue">The subscriber's queue.</param>
/// <param name="Contracts">The contracts replayed (all of the publisher's when the request named none).</param>
/// <param name="FromSequence">Events after this sequence.</param>
/// <param name="FromTime">Events recorded at or after this time, if asked.</param>
/// <param name="UpToSequence">The last event sequence when the replay was asked: later events come with the live flow.</param>
/// <param name="Position">The sequence of the last event looked at.</param>
/// <param name="Published">Messages sent to the queue so far.</param>
/// <param name="Total">Published events in the range (before the contract filter): an upper bound of the messages.</param>
/// <param name="Status">running, completed or failed.</param>
/// <param name="Problem">Why it failed, if it did.</param>
public sealed record SubscriberReplayProgress(Guid Id, string Queue, string[] Contracts, long FromSequence, DateTimeOffset? FromTime, long UpToSequence, long Position, long Published, long Total, string Status, string? Problem);

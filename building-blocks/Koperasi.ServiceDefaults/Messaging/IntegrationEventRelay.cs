using System.Diagnostics;
using System.Diagnostics.Metrics;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Koperasi.ServiceDefaults.Persistence;
using Marten;
using Marten.Subscriptions;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Koperasi.ServiceDefaults.Messaging;

/// <summary>
/// The outbox relay. The event table is the outbox: this subscription, run by Marten's async
/// daemon with its position stored in PostgreSQL, maps each committed domain event to its
/// public contract (the map may read the event's stream as of that event) and publishes it with MessageId = the event id (the consumers' dedupe key).
/// The daemon advances the position only after the whole page is published, so delivery is at
/// least once and a broker outage only delays it.
/// </summary>
public sealed partial class IntegrationEventRelay : SubscriptionBase
{
    /// <summary>Name of the subscription in the daemon and in <c>mt_event_progression</c>.</summary>
    public const string SubscriptionName = "IntegrationEventRelay";

    internal static readonly ActivitySource ActivitySource = new("Koperasi.Relay");
    private static readonly Meter Meter = new("Koperasi.Relay");
    private static readonly Counter<long> Published = Meter.CreateCounter<long>("koperasi.relay.published", description: "Integration events published by the relay");
    private static readonly Counter<long> PublishRetries = Meter.CreateCounter<long>("koperasi.relay.publish_retries", description: "Publish attempts that failed and were retried");
    private static readonly Histogram<double> Lag = Meter.CreateHistogram<double>("koperasi.relay.lag", unit: "s", description: "Time from commit to publish");

    private readonly IIntegrationEventMap _map;
    private readonly IBus _bus;
    private readonly ILogger<IntegrationEventRelay> _logger;
    private readonly ResiliencePipeline _publishPipeline;
    private readonly TimeSpan _attemptTimeout;
    private readonly int _parallelStreams;

    /// <summary>Creates the relay.</summary>
    public IntegrationEventRelay(IIntegrationEventMap map, IBus bus, IConfiguration configuration, ILogger<IntegrationEventRelay> logger)
    {
        _map = map;
        _bus = bus;
        _logger = logger;
        Name = SubscriptionName;
        foreach (var type in map.PublishedEventTypes)
        {
            IncludeType(type);
        }

        var settings = configuration.GetSection("Relay");
        _attemptTimeout = settings.GetValue("AttemptTimeout", TimeSpan.FromSeconds(10));
        // Each publish waits for its broker confirm (a round trip): the streams published side by
        // side are the messages in flight, so there must be many: as many as the raw confirmed
        // publisher the benchmark compares with keeps (docs/benchmarks, P4).
        _parallelStreams = settings.GetValue("ParallelStreams", 256);
        _publishPipeline = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                // Keep trying while the broker is away; the daemon holds the page meanwhile.
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(200),
                MaxDelay = settings.GetValue("MaxRetryDelay", TimeSpan.FromSeconds(10)),
                MaxRetryAttempts = int.MaxValue,
                OnRetry = args =>
                {
                    PublishRetries.Add(1);
                    if (args.AttemptNumber % 10 == 0)
                    {
                        LogPublishRetrying(args.AttemptNumber + 1, args.Outcome.Exception?.Message);
                    }

                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    /// <inheritdoc />
    public override async Task<IChangeListener> ProcessEventsAsync(
        EventRange page,
        ISubscriptionController controller,
        IDocumentOperations operations,
        CancellationToken cancellationToken)
    {
        try
        {
            // Events of one stream keep their order; different streams are published side by side.
            var streams = page.Events.GroupBy(e => e.StreamId).ToList();
            var states = new StreamStates(operations.DocumentStore);
            await Parallel.ForEachAsync(
                streams,
                new ParallelOptions { MaxDegreeOfParallelism = _parallelStreams, CancellationToken = cancellationToken },
                async (stream, token) =>
                {
                    foreach (var committed in stream)
                    {
                        await PublishAsync(committed, states, token);
                    }
                });
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RelayPublishException($"Publishing events {page.SequenceFloor}..{page.SequenceCeiling} was cancelled.", exception);
        }

        return NullChangeListener.Instance;
    }

    private async Task PublishAsync(IEvent committed, IStreamStates states, CancellationToken cancellationToken)
    {
        if (await _map.MapAsync(committed, states, cancellationToken) is not { } contract)
        {
            return;
        }

        var parent = committed.Headers?.TryGetValue(EventHeaders.TraceParent, out var value) == true
            && ActivityContext.TryParse(value?.ToString(), null, out var context)
                ? context
                : default;
        using var activity = ActivitySource.StartActivity("relay publish", ActivityKind.Producer, parent);
        activity?.SetTag("messaging.message.id", committed.Id);
        activity?.SetTag("koperasi.event.type", committed.EventTypeName);

        await _publishPipeline.ExecuteAsync(
            async token => await _bus.Publish(contract, contract.GetType(), publish =>
                {
                    publish.MessageId = committed.Id;
                    SetPositionHeaders(publish, committed);
                }, token)
                // Publish may ignore its token while the broker is down: bound each attempt.
                .WaitAsync(_attemptTimeout, token),
            cancellationToken);

        Published.Add(1, new KeyValuePair<string, object?>("message_type", contract.GetType().Name));
        Lag.Record((DateTimeOffset.UtcNow - committed.Timestamp).TotalSeconds);
    }

    /// <summary>
    /// The documented headers of every published message (<see cref="AsyncApiDocument"/>): the source
    /// event's position (global sequence, recorded time), its stream and version, and the acting
    /// user. Only the source event decides them, so a replay publishes the same values.
    /// </summary>
    internal static void SetPositionHeaders(PublishContext publish, IEvent committed)
    {
        publish.Headers.Set(AsyncApiDocument.SequenceHeader, committed.Sequence);
        publish.Headers.Set(AsyncApiDocument.RecordedAtHeader, committed.Timestamp.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        publish.Headers.Set(AsyncApiDocument.SourceStreamHeader, committed.StreamId.ToString());
        publish.Headers.Set(AsyncApiDocument.SourceVersionHeader, committed.Version);
        if (committed.UserName is { } user)
        {
            publish.Headers.Set(AsyncApiDocument.ActorHeader, user);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The relay could not publish to the broker (attempt {Attempt}): {Reason}. It keeps retrying; nothing is lost.")]
    private partial void LogPublishRetrying(int attempt, string? reason);
}

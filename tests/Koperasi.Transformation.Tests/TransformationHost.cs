using Koperasi.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Koperasi.Transformation.Tests;

/// <summary>
/// The Transformation service against the real PostgreSQL and RabbitMQ, shared by the tests of one
/// class. Ready once its bus is: the queues of its consumers then exist, so nothing a test publishes
/// as the Registry is dropped for want of a queue.
/// </summary>
public class TransformationHost : ServiceHost<Program>
{
    private static int _instances;

    // One host per test class, running side by side: each needs its own schema and prefix. The
    // scheduled deadline evaluation is off, so moving the clock records nothing behind a test's back.
    public TransformationHost()
        : this(scheduledDeadlineEvaluation: false)
    {
    }

    protected TransformationHost(bool scheduledDeadlineEvaluation)
        : base("transformation", $"trans{Interlocked.Increment(ref _instances)}") =>
        With("Dissolution:ScheduledDeadlineEvaluation", scheduledDeadlineEvaluation ? "true" : "false");

    /// <summary>The deliveries the service's consumers finished, so a test knows a message was handled.</summary>
    public Deliveries Deliveries { get; } = new();

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var bus = Services.GetRequiredService<IBusControl>();
        bus.ConnectConsumeObserver(Deliveries);
        await bus.WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
    }
}

/// <summary>A Transformation host whose scheduled deadline evaluation runs on its (fake) clock.</summary>
public sealed class ScheduledTransformationHost() : TransformationHost(scheduledDeadlineEvaluation: true);

/// <summary>Counts the deliveries each message id got through a consumer.</summary>
public sealed class Deliveries : IConsumeObserver
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, int> _finished = new();

    public int Of(Guid messageId) => _finished.GetValueOrDefault(messageId);

    /// <summary>Waits until the message was handled <paramref name="times"/> times.</summary>
    public Task HandledAsync(Guid messageId, int times = 1) =>
        Koperasi.Testing.Eventually.UntilAsync(() => Task.FromResult(Of(messageId) >= times), $"message {messageId} handled {times} time(s)");

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        _finished.AddOrUpdate(context.MessageId!.Value, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}

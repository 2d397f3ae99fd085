using MassTransit;

// Deliberate violations of docs/adr/0012 (and one consumer in place) for MessagingConventionTests:
// they live in this test assembly, never in a service.

namespace Koperasi.Sample
{
    public sealed record Probe(Guid Id);

    /// <summary>A copy of the Registry's contract enum, under its name, with a member of its own.</summary>
    public enum CooperativeForm
    {
        Primer,
        Sekunder,
        Tersier,
    }

    /// <summary>A copy of the Registry's contract enum under another name.</summary>
    public enum Bentuk
    {
        Primer,
        Sekunder,
    }

    public enum Unrelated
    {
        Primer,
        Other,
    }

    namespace Messaging.Consumers
    {
        public sealed class ProbeConsumer : IConsumer<Probe>
        {
            public Task Consume(ConsumeContext<Probe> context) => Task.CompletedTask;
        }

        public abstract class ProbeBase<T> : IConsumer<T> where T : class
        {
            public Task Consume(ConsumeContext<T> context) => Task.CompletedTask;
        }

        public static class Feature
        {
            public sealed class NestedConsumer : IConsumer<Probe>
            {
                public Task Consume(ConsumeContext<Probe> context) => Task.CompletedTask;
            }
        }
    }

    namespace Cases
    {
        public sealed class MisplacedConsumer : IConsumer<Probe>
        {
            public Task Consume(ConsumeContext<Probe> context) => Task.CompletedTask;
        }
    }
}

using JasperFx.Events.Daemon;
using Koperasi.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Koperasi.ServiceDefaults.Messaging;

/// <summary>
/// Operators' handle on the outbox relay: replay the published events from a position, so a
/// subscriber that joined late, or lost messages (an exchange without its queue drops them),
/// catches up. Subscribers deduplicate by message id, so a replay never applies anything twice.
/// </summary>
public static class RelayOperations
{
    /// <summary>What was replayed.</summary>
    /// <param name="Subscription">The relay subscription rewound.</param>
    /// <param name="FromSequence">The event sequence it starts again from (0: the beginning).</param>
    public sealed record Replay(string Subscription, long FromSequence);

    /// <summary>Maps <c>POST {group}/ops/relay/replay?fromSequence=0</c>, admitted by <paramref name="policy"/>.</summary>
    public static RouteHandlerBuilder MapRelayReplay(this RouteGroupBuilder group, string policy) =>
        group.MapPost("/ops/relay/replay", ReplayAsync)
            .WithName("ReplayIntegrationEvents")
            .WithTags("Operations")
            .WithSummary("Replay the published integration events")
            .WithDescription("Rewinds the outbox relay to fromSequence (default 0) so every integration event from there is published again; subscribers deduplicate by message id. Only the process that runs the async daemon can do it (409 otherwise).")
            .RequireAuthorization(policy)
            .Produces<Replay>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Results<Accepted<Replay>, ValidationProblem, ProblemHttpResult>> ReplayAsync(
        IProjectionCoordinator coordinator, CancellationToken cancellationToken, long fromSequence = 0)
    {
        if (fromSequence < 0)
        {
            return Problems.Validation("fromSequence", "A position in the event store: 0 or more.");
        }

        IProjectionDaemon daemon;
        try
        {
            daemon = coordinator.DaemonForMainDatabase();
        }
        catch (InvalidOperationException)
        {
            return TypedResults.Problem(
                detail: "This process does not run the async daemon (Marten:DaemonMode is Disabled); call the one that does.",
                statusCode: StatusCodes.Status409Conflict,
                title: "No relay here",
                type: Problems.TypePrefix + "no-daemon-in-this-process");
        }

        await daemon.RewindSubscriptionAsync(IntegrationEventRelay.SubscriptionName, cancellationToken, fromSequence);
        return TypedResults.Accepted((string?)null, new Replay(IntegrationEventRelay.SubscriptionName, fromSequence));
    }
}

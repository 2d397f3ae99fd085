using Koperasi.Contracts.Funding;
using Koperasi.Registry.Cooperatives;
using Koperasi.ServiceDefaults.Messaging;
using Marten;
using MassTransit;

namespace Koperasi.Registry.Messaging.Consumers;

/// <summary>
/// A Dumisake grant paid to a business of a koperasi is recorded on that koperasi as government
/// aid. A koperasi dissolved into another (merger, amalgamation) hands the aid on to its successor,
/// as it handed on its members. A grant for a koperasi the register does not know, or for one
/// dissolved with no successor, is logged and left: Funding's payment stands whatever the
/// register says, so nothing is gained by failing the message.
/// </summary>
public sealed class RecordGovernmentAid(IDocumentStore store, TimeProvider clock, ILogger<RecordGovernmentAid> logger)
    : IdempotentConsumer<GrantDisbursed>(store, clock)
{
    /// <summary>The programme whose grants Funding pays.</summary>
    public const string Programme = "Dumisake";

    // A successor is itself dissolved only by a later case; a chain longer than this is a cycle.
    private const int MaxSuccessors = 16;

    protected override async Task HandleAsync(IDocumentSession session, ConsumeContext<GrantDisbursed> context)
    {
        if (context.Message.CooperativeId is not { } named)
        {
            return;
        }

        var grant = context.Message;
        var command = new ReceiveGovernmentAid(named, Programme, grant.ProgrammeYear, grant.Amount, grant.DisbursedOn, grant.ApplicationId);
        var id = named;
        for (var hop = 0; hop <= MaxSuccessors; hop++)
        {
            var stream = await session.Events.FetchForWriting<Cooperative>(id, context.CancellationToken);
            if (stream.Aggregate is not { } cooperative)
            {
                GovernmentAidLog.UnknownCooperative(logger, grant.ApplicationId, id);
                return;
            }

            if (cooperative.Dissolution is not null && cooperative.AidRecipientId is { } successor)
            {
                id = successor;
                continue;
            }

            var decision = cooperative.ReceiveGovernmentAid(command);
            if (decision.Error is { } refused)
            {
                GovernmentAidLog.NotRecorded(logger, grant.ApplicationId, id, refused.Rule);
                return;
            }

            stream.AppendMany(decision.Events);
            GovernmentAidLog.Recorded(logger, grant.ApplicationId, id, named, decision.Events.Count == 0);
            return;
        }

        GovernmentAidLog.NotRecorded(logger, grant.ApplicationId, named, "successor-chain-too-long");
    }
}

/// <summary>The government-aid consumer's log records.</summary>
internal static partial class GovernmentAidLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Grant {ApplicationId} recorded as government aid on koperasi {CooperativeId} (named {NamedCooperativeId}; recorded before: {RecordedBefore})")]
    public static partial void Recorded(ILogger logger, Guid applicationId, Guid cooperativeId, Guid namedCooperativeId, bool recordedBefore);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Grant {ApplicationId} names koperasi {CooperativeId}, which the register does not know; no aid recorded")]
    public static partial void UnknownCooperative(ILogger logger, Guid applicationId, Guid cooperativeId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Grant {ApplicationId} not recorded as government aid on koperasi {CooperativeId} ({Rule})")]
    public static partial void NotRecorded(ILogger logger, Guid applicationId, Guid cooperativeId, string rule);
}

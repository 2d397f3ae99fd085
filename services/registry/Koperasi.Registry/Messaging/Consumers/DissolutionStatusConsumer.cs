using Koperasi.Registry.Cooperatives;
using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Messaging;
using Marten;
using MassTransit;

namespace Koperasi.Registry.Messaging.Consumers;

/// <summary>
/// Records on the koperasi's stream a step of its dissolution case that changes its legal status
/// (dissolving, in liquidation, existing again). The step and the processed-message record commit
/// together, so a redelivery changes nothing; a report older than what was applied (the case's
/// stream version), about a koperasi already dissolved, or about one the register does not know,
/// is logged and left: the register only shows the status, the case itself lives in Transformation.
/// </summary>
public abstract class DissolutionStatusConsumer<TMessage>(IDocumentStore store, TimeProvider clock, ILogger logger)
    : IdempotentConsumer<TMessage>(store, clock)
    where TMessage : class
{
    /// <summary>The case and the koperasi the message is about.</summary>
    protected abstract (Guid CaseId, Guid CooperativeId, long CaseVersion) About(TMessage message);

    /// <summary>The event to record on the koperasi, or null when the message changes nothing.</summary>
    protected abstract object? Decide(Cooperative cooperative, TMessage message);

    protected sealed override async Task HandleAsync(IDocumentSession session, ConsumeContext<TMessage> context)
    {
        var (caseId, cooperativeId, caseVersion) = About(context.Message);
        var stream = await session.Events.FetchForWriting<Cooperative>(cooperativeId, context.CancellationToken);
        if (stream.Aggregate is not { } cooperative)
        {
            DissolutionStatusLog.UnknownCooperative(logger, typeof(TMessage).Name, caseId, cooperativeId);
            return;
        }

        if (Decide(cooperative, context.Message) is not { } recorded)
        {
            DissolutionStatusLog.Ignored(logger, typeof(TMessage).Name, caseId, caseVersion, cooperativeId, cooperative.LegalStatus);
            return;
        }

        stream.AppendOne(recorded);
        DissolutionStatusLog.Recorded(logger, typeof(TMessage).Name, caseId, caseVersion, cooperativeId);
    }

    /// <summary>The case's path as the register's dissolution reason; null (logged) if it is not a dissolution path.</summary>
    protected DissolutionReason? PathOf(string? path, Guid caseId)
    {
        var v = new RequestValidation();
        var reason = KebabEnum.Parse<DissolutionReason>(path, "path", v);
        if (v.IsValid && reason is DissolutionReason.MembersMeeting or DissolutionReason.Government)
        {
            return reason;
        }

        DissolutionStatusLog.InvalidPath(logger, typeof(TMessage).Name, caseId);
        return null;
    }
}

/// <summary>The dissolution-status consumers' log records.</summary>
internal static partial class DissolutionStatusLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{Step} of dissolution case {CaseId} (version {CaseVersion}) recorded on koperasi {CooperativeId}")]
    public static partial void Recorded(ILogger logger, string step, Guid caseId, long caseVersion, Guid cooperativeId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Step} of dissolution case {CaseId} (version {CaseVersion}) changes nothing on koperasi {CooperativeId} ({LegalStatus}): stale, repeated or already dissolved")]
    public static partial void Ignored(ILogger logger, string step, Guid caseId, long caseVersion, Guid cooperativeId, LegalStatus legalStatus);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Step} of dissolution case {CaseId} names koperasi {CooperativeId}, which the register does not know; nothing recorded")]
    public static partial void UnknownCooperative(ILogger logger, string step, Guid caseId, Guid cooperativeId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Step} of dissolution case {CaseId} names no dissolution path (members-meeting or government); nothing recorded")]
    public static partial void InvalidPath(ILogger logger, string step, Guid caseId);
}

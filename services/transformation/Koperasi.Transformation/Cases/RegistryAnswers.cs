using Koperasi.ServiceDefaults.Decisions;
using Marten;

namespace Koperasi.Transformation.Cases;

/// <summary>
/// The register's answer to an approved case, applied in the consumer's session: it completes or
/// rejects the case. An answer for an unknown case, or one the case refuses (not approved, or not
/// what it asked for), changes nothing and is logged: retrying could not make it right.
/// </summary>
public static partial class RegistryAnswers
{
    public static Task CompleteAsync(IDocumentSession session, Guid caseId, RegistryApplied applied, ILogger logger, CancellationToken cancellationToken) =>
        DecideAsync(session, caseId, c => c.Complete(applied), logger, cancellationToken);

    public static Task RejectAsync(IDocumentSession session, Guid caseId, string rule, string reason, ILogger logger, CancellationToken cancellationToken) =>
        DecideAsync(session, caseId, c => c.RejectAsNotApplied(rule, reason), logger, cancellationToken);

    private static async Task DecideAsync(IDocumentSession session, Guid caseId, Func<TransformationCase, Decision> decide, ILogger logger, CancellationToken cancellationToken)
    {
        // Without an expected version the commit still checks the version read here: an officer's
        // change in between makes this attempt fail, and the consumer's retry decides again.
        var stream = await session.Events.FetchForWriting<TransformationCase>(caseId, cancellationToken);
        if (stream.Aggregate is not { } current)
        {
            LogUnknownCase(logger, caseId);
            return;
        }

        var decision = decide(current);
        if (decision.Error is { } error)
        {
            LogAnswerIgnored(logger, caseId, error.Rule, error.Detail);
            return;
        }

        stream.AppendMany(decision.Events);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The register answered about case {CaseId}, which this service does not know; nothing changed.")]
    private static partial void LogUnknownCase(ILogger logger, Guid caseId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The register's answer about case {CaseId} was ignored ({Rule}): {Detail}")]
    private static partial void LogAnswerIgnored(ILogger logger, Guid caseId, string rule, string detail);
}

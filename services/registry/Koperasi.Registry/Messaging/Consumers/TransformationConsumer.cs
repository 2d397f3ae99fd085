using System.Security.Cryptography;
using System.Text;
using Koperasi.Contracts.Registry;
using Koperasi.Registry.Cooperatives;
using Koperasi.Registry.Supervision;
using Koperasi.ServiceDefaults.Decisions;
using Koperasi.ServiceDefaults.Messaging;
using Koperasi.ServiceDefaults.Time;
using Marten;
using MassTransit;

namespace Koperasi.Registry.Messaging.Consumers;

/// <summary>
/// Applies one kind of approved transformation to the register. The effect is staged in the
/// idempotent consumer's session and commits with its processed-message record, so every stream
/// a case touches changes in one transaction or none does. When a rule refuses the case, nothing
/// is recorded and the Transformation service is answered with <see cref="TransformationNotApplied"/>.
/// </summary>
public abstract class TransformationConsumer<TMessage>(IDocumentStore store, TimeProvider clock, ILogger logger)
    : IdempotentConsumer<TMessage>(store, clock)
    where TMessage : class
{
    private readonly TimeProvider _clock = clock;

    /// <summary>The case the message is about.</summary>
    protected abstract Guid CaseOf(TMessage message);

    /// <summary>Decides and stages the effect in <paramref name="session"/>; or refuses, staging nothing.</summary>
    protected abstract Task<TransformationDecision> ApplyAsync(IDocumentSession session, TMessage message, DateOnly today, CancellationToken cancellationToken);

    protected sealed override async Task HandleAsync(IDocumentSession session, ConsumeContext<TMessage> context)
    {
        var caseId = CaseOf(context.Message);
        var decision = await ApplyAsync(session, context.Message, _clock.Today(), context.CancellationToken);
        if (decision.Error is not { } refused)
        {
            // A koperasi dissolved, merged or amalgamated away is no longer the KDMP of its desa (ADR 0019).
            if (KdmpDesaClaim.EndedBy(decision) is { Count: > 0 } ended)
            {
                var ids = ended.ToArray();
                session.DeleteWhere<KdmpDesaClaim>(c => ids.Contains(c.CooperativeId));
            }

            TransformationLog.Applied(logger, typeof(TMessage).Name, caseId, decision.Streams.Count, decision.WasAppliedBefore);
            return;
        }

        TransformationLog.NotApplied(logger, typeof(TMessage).Name, caseId, refused.Rule, refused.Detail);
        // Published before the processed-message record commits, not through the relay: a refusal
        // records no event of its own. If the commit fails, the retry answers again under the same
        // message id (derived from the approval's), so the answer is at least once and deduplicable.
        await context.Publish(
            new TransformationNotApplied(caseId, 0, _clock.GetUtcNow(), refused.Rule, refused.Detail),
            publish => publish.MessageId = AnswerId(context.MessageId!.Value));
    }

    /// <summary>The same approval always gets the same answer id.</summary>
    private static Guid AnswerId(Guid approvalMessageId) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"transformation-not-applied:{approvalMessageId:N}")).AsSpan(0, 16));

    /// <summary>A refusal carrying the shape errors of a message, as an officer reads them.</summary>
    protected static DomainError? Invalid(Koperasi.ServiceDefaults.Http.RequestValidation validation) =>
        validation.IsValid
            ? null
            : DomainError.Unprocessable(
                "validation",
                string.Join(" ", validation.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
}

/// <summary>The transformation consumers' log records.</summary>
internal static partial class TransformationLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{Transformation} of case {CaseId} applied to {Streams} koperasi (applied before: {AppliedBefore})")]
    public static partial void Applied(ILogger logger, string transformation, Guid caseId, int streams, bool appliedBefore);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Transformation} of case {CaseId} not applied ({Rule}): {Reason}")]
    public static partial void NotApplied(ILogger logger, string transformation, Guid caseId, string rule, string reason);
}

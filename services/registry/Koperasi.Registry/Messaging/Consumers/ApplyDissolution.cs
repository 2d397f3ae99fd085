using Koperasi.Contracts.Transformation;
using Koperasi.Registry.Cooperatives;
using Koperasi.Registry.Transformations;
using Koperasi.ServiceDefaults.Http;
using Marten;

namespace Koperasi.Registry.Messaging.Consumers;

/// <summary>
/// A completed dissolution (pembubaran): the liquidation settled, the legal entity extinguished. The
/// koperasi is recorded dissolved (reason members-meeting or government, with liquidation) and keeps
/// its history. Answered by the relay with cooperative-dissolved; the statistics count it dissolved.
/// </summary>
public sealed class ApplyDissolution(IDocumentStore store, TimeProvider clock, ILogger<ApplyDissolution> logger)
    : TransformationConsumer<DissolutionCompleted>(store, clock, logger)
{
    protected override Guid CaseOf(DissolutionCompleted message) => message.CaseId;

    protected override async Task<TransformationDecision> ApplyAsync(IDocumentSession session, DissolutionCompleted message, DateOnly today, CancellationToken cancellationToken)
    {
        var v = new RequestValidation();
        var reason = KebabEnum.Parse<DissolutionReason>(message.Path, "path", v);
        v.Check(message.Path is not null, "path", "Required: members-meeting or government.");
        if (Invalid(v) is { } invalid)
        {
            return invalid;
        }

        var streams = await CaseStreams.FetchAsync(session, [message.CooperativeId], cancellationToken);
        if (!streams.Register.TryGetValue(message.CooperativeId, out var cooperative))
        {
            return Cooperative.NotRegistered(message.CooperativeId);
        }

        var decision = cooperative.Dissolve(message.CaseId, reason!.Value, message.EffectiveOn, today);
        streams.Append(decision);
        return decision;
    }
}

using Koperasi.Contracts.Transformation;
using Koperasi.Registry.Cooperatives;
using Koperasi.Registry.Transformations;
using Koperasi.ServiceDefaults.Http;
using Marten;

namespace Koperasi.Registry.Messaging.Consumers;

/// <summary>
/// An approved merger: each absorbed koperasi is dissolved into the survivor, whose members grow
/// by theirs. Answered by the relay with cooperative-dissolved per absorbed koperasi and
/// cooperative-merged on the survivor.
/// </summary>
public sealed class ApplyMerger(IDocumentStore store, TimeProvider clock, ILogger<ApplyMerger> logger)
    : TransformationConsumer<MergerApproved>(store, clock, logger)
{
    protected override Guid CaseOf(MergerApproved message) => message.CaseId;

    protected override async Task<TransformationDecision> ApplyAsync(IDocumentSession session, MergerApproved message, DateOnly today, CancellationToken cancellationToken)
    {
        var v = new RequestValidation();
        var deed = TransformationMessages.Deed(message.Deed, v);
        var ratification = TransformationMessages.Ratification(message.Ratification, v);
        v.Check(ratification is not null, "ratification", "A merger holds once the ministry ratified it.");
        if (Invalid(v) is { } invalid)
        {
            return invalid;
        }

        var absorbed = message.AbsorbedIds ?? [];
        var streams = await CaseStreams.FetchAsync(session, [message.SurvivorId, .. absorbed], cancellationToken);
        var decision = Cooperative.Merge(
            new MergeCooperatives(message.CaseId, message.SurvivorId, absorbed, deed, ratification!, message.EffectiveOn),
            streams.Register,
            today);
        streams.Append(decision);
        return decision;
    }
}

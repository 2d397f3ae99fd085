using Koperasi.Contracts.Transformation;
using Koperasi.Registry.Activity;
using Koperasi.Registry.Cooperatives;
using Koperasi.Registry.Transformations;
using Koperasi.ServiceDefaults.Http;
using Marten;
using Microsoft.Extensions.Options;

namespace Koperasi.Registry.Messaging.Consumers;

/// <summary>
/// An approved amalgamation: the new koperasi is registered with the id the case chose (the
/// ratification is its legal-entity decree, claimed as any decree number is) and every
/// participant is dissolved into it. Answered by the relay with cooperative-registered (naming its
/// predecessors and the case) and cooperative-dissolved per participant.
/// </summary>
public sealed class ApplyAmalgamation(IDocumentStore store, TimeProvider clock, IOptions<ActivityPolicy> policy, ILogger<ApplyAmalgamation> logger)
    : TransformationConsumer<AmalgamationApproved>(store, clock, logger)
{
    private readonly ActivityPolicy _policy = policy.Value;

    protected override Guid CaseOf(AmalgamationApproved message) => message.CaseId;

    protected override async Task<TransformationDecision> ApplyAsync(IDocumentSession session, AmalgamationApproved message, DateOnly today, CancellationToken cancellationToken)
    {
        var v = new RequestValidation();
        var founding = NewCooperative(message, v);
        if (Invalid(v) is { } invalid)
        {
            return invalid;
        }

        var participants = message.ParticipantIds ?? [];
        var streams = await CaseStreams.FetchAsync(session, participants, cancellationToken);
        var register = new Dictionary<Guid, Cooperative>(streams.Register);
        if (await session.LoadAsync<Cooperative>(founding.CooperativeId, cancellationToken) is { } taken)
        {
            register[taken.Id] = taken;
        }

        var decision = Cooperative.Amalgamate(new AmalgamateCooperatives(message.CaseId, participants, founding, message.EffectiveOn), register, today, _policy);
        if (decision.Error is not null || decision.WasAppliedBefore)
        {
            return decision;
        }

        if (await Register.ClaimOfAsync(session, founding.LegalEntity.DecreeNumber, cancellationToken) is not null)
        {
            return Register.AlreadyRegistered(founding.LegalEntity.DecreeNumber);
        }

        Register.StartStreamInSession(session, founding.CooperativeId, founding.LegalEntity.DecreeNumber, decision.EventsOf(founding.CooperativeId));
        streams.Append(decision with { Streams = [.. decision.Streams.Where(s => s.CooperativeId != founding.CooperativeId)] });
        return decision;
    }

    /// <summary>The registration of the new koperasi; its members and founders follow from the participants.</summary>
    private static RegisterCooperative NewCooperative(AmalgamationApproved message, RequestValidation v)
    {
        var n = message.NewCooperative;
        v.Name(n.Name, "newCooperative.name", 200);
        v.FreeText(n.BusinessField, "newCooperative.businessField", 300);
        var classes = n.MemberClasses ?? [];
        for (var i = 0; i < classes.Count; i++)
        {
            v.Name(classes[i], $"newCooperative.memberClasses[{i}]", 100);
        }

        var ratification = TransformationMessages.Ratification(message.Ratification, v);
        v.Check(ratification is not null, "ratification", "The new koperasi is a legal entity once the ministry ratified its deed.");
        var profile = new CooperativeProfile(
            n.Name?.Trim() ?? "",
            TransformationMessages.Required<CooperativeForm>(n.Form, "newCooperative.form", v),
            TransformationMessages.Required<CooperativeType>(n.Type, "newCooperative.type", v),
            KebabEnum.Parse<SavingsLoanScheme>(n.SavingsLoanScheme, "newCooperative.savingsLoanScheme", v),
            n.Syariah,
            n.MultiPihak,
            [.. classes.Select(c => c?.Trim() ?? "")],
            TransformationMessages.Required<SupervisionLevel>(n.SupervisionLevel, "newCooperative.supervisionLevel", v),
            TransformationMessages.Domicile(n.Domicile, "newCooperative.domicile", v) ?? new Address("", null, "", "", null),
            n.BusinessField?.Trim() ?? "");
        return new RegisterCooperative(
            n.CooperativeId,
            profile,
            new LegalEntity(ratification?.DecreeNumber ?? "", ratification?.DecreeDate ?? message.EffectiveOn),
            TransformationMessages.Deed(message.Deed, v),
            FoundingMembers: 0,
            MemberCount: 0,
            Nib: null,
            NikKoperasi: null,
            Board: [],
            Contact: null,
            RatHistory: []);
    }
}

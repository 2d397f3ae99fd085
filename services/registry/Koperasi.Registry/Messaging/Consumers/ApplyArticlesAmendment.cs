using Koperasi.Contracts.Transformation;
using Koperasi.Registry.Cooperatives;
using Koperasi.Registry.Transformations;
using Koperasi.ServiceDefaults.Http;
using Marten;

namespace Koperasi.Registry.Messaging.Consumers;

/// <summary>
/// An approved change of the articles of association: the next version of the articles holds from
/// its effective date. Answered by the relay with cooperative-amended.
/// </summary>
public sealed class ApplyArticlesAmendment(IDocumentStore store, TimeProvider clock, ILogger<ApplyArticlesAmendment> logger)
    : TransformationConsumer<ArticlesAmendmentApproved>(store, clock, logger)
{
    protected override Guid CaseOf(ArticlesAmendmentApproved message) => message.CaseId;

    protected override async Task<TransformationDecision> ApplyAsync(IDocumentSession session, ArticlesAmendmentApproved message, DateOnly today, CancellationToken cancellationToken)
    {
        var v = new RequestValidation();
        var changes = Changes(message.Changes, v);
        var deed = TransformationMessages.Deed(message.Deed, v);
        var ratification = TransformationMessages.Ratification(message.Ratification, v);
        if (Invalid(v) is { } invalid)
        {
            return invalid;
        }

        var streams = await CaseStreams.FetchAsync(session, [message.CooperativeId], cancellationToken);
        if (!streams.Register.TryGetValue(message.CooperativeId, out var cooperative))
        {
            return Cooperative.NotRegistered(message.CooperativeId);
        }

        var amended = cooperative.AmendArticles(new AmendArticles(message.CaseId, changes, deed, ratification, message.EffectiveOn), today);
        if (amended.Error is { } refused)
        {
            return refused;
        }

        var decision = new TransformationDecision(amended.Events.Count == 0 ? [] : [new StreamEvents(cooperative.Id, amended.Events)]);
        streams.Append(decision);
        return decision;
    }

    private static ArticlesChange Changes(ArticlesChanges changes, RequestValidation v)
    {
        v.Name(changes.Name, "changes.name", 200, required: false);
        v.FreeText(changes.BusinessField, "changes.businessField", 300, required: false);
        v.FreeText(changes.OtherArticles, "changes.otherArticles", 20_000, required: false);
        return new ArticlesChange(
            FieldRules.Present(changes.Name),
            TransformationMessages.Domicile(changes.Domicile, "changes.domicile", v),
            KebabEnum.Parse<CooperativeType>(changes.Type, "changes.type", v),
            KebabEnum.Parse<SavingsLoanScheme>(changes.SavingsLoanScheme, "changes.savingsLoanScheme", v),
            KebabEnum.Parse<CooperativeForm>(changes.Form, "changes.form", v),
            FieldRules.Present(changes.BusinessField),
            FieldRules.Present(changes.OtherArticles));
    }
}

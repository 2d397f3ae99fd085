using System.Security.Claims;
using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Time;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Transformation.Cases;

/// <summary>Propose a change of the articles of association (perubahan anggaran dasar) of one koperasi.</summary>
public static class ProposeArticlesAmendment
{
    public sealed record Request
    {
        public required Guid CooperativeId { get; init; }
        public required ChangesDto Changes { get; init; }
        public DateOnly? ProposedOn { get; init; }
    }

    /// <summary>The parts that change; a part left out stays as it is.</summary>
    public sealed record ChangesDto(
        string? Name = null,
        DomicileDto? Domicile = null,
        CooperativeType? Type = null,
        SavingsLoanScheme? SavingsLoanScheme = null,
        CooperativeForm? Form = null,
        string? BusinessField = null,
        string? OtherArticles = null);

    public static void Map(RouteGroupBuilder cases) =>
        cases.MapPost("/articles-amendments", Handle)
            .WithName("ProposeArticlesAmendment")
            .RequireAuthorization(TransformationPolicies.Write)
            .WithSummary("Propose a change of the articles of association")
            .WithDescription("Opens a case changing any of name, domicile (to another regency: within one it is a notification to the register), type (with savingsLoanScheme when it becomes simpan-pinjam), form, businessField and otherArticles (text). A change of name, domicile, type, form or business field needs the ministry's ratification; other articles alone do not.")
            .Produces<CaseResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<Created<CaseResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        Request request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, HttpResponse response, CancellationToken cancellationToken)
    {
        var v = new RequestValidation();
        v.Id(request.CooperativeId, "cooperativeId");
        var changes = request.Changes;
        v.Name(changes.Name, "changes.name", 200, required: false);
        v.FreeText(changes.BusinessField, "changes.businessField", 300, required: false);
        v.FreeText(changes.OtherArticles, "changes.otherArticles", 20_000, required: false);
        changes.Domicile?.Check(v, "changes.domicile");
        v.OptionalDate(request.ProposedOn, "proposedOn", FieldRules.EarliestCooperativeDate);

        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var today = clock.Today();
        var articles = new ArticlesChanges(
            FieldRules.Present(changes.Name), changes.Domicile?.ToDomicile(), changes.Type, changes.SavingsLoanScheme, changes.Form,
            FieldRules.Present(changes.BusinessField), FieldRules.Present(changes.OtherArticles));
        var command = new ArticlesAmendmentProposal(Guid.CreateVersion7(), request.ProposedOn ?? today, request.CooperativeId, articles);
        return await Proposals.OpenCaseAsync(
            session, user, response, command.CaseId, [new Proposals.Named(request.CooperativeId, "cooperativeId")],
            articles.Domicile is { } moved ? (moved.RegencyCode, "changes.domicile.regencyCode") : null,
            standings => TransformationCase.ProposeArticlesAmendment(command, standings, today), cancellationToken);
    }
}

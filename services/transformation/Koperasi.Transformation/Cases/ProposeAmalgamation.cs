using System.Security.Claims;
using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Time;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Transformation.Cases;

/// <summary>Propose an amalgamation (peleburan): the participants end and a new koperasi is founded.</summary>
public static class ProposeAmalgamation
{
    public sealed record Request
    {
        public required IReadOnlyList<Guid> ParticipantIds { get; init; }
        public required NewCooperativeDto NewCooperative { get; init; }
        public DateOnly? ProposedOn { get; init; }
    }

    /// <summary>The koperasi to be founded, checked like a registration.</summary>
    public sealed record NewCooperativeDto
    {
        public required string Name { get; init; }
        public required CooperativeForm Form { get; init; }
        public required CooperativeType Type { get; init; }
        public SavingsLoanScheme? SavingsLoanScheme { get; init; }
        public bool Syariah { get; init; }
        public bool MultiPihak { get; init; }
        public IReadOnlyList<string>? MemberClasses { get; init; }
        public required SupervisionLevel SupervisionLevel { get; init; }
        public required DomicileDto Domicile { get; init; }
        public required string BusinessField { get; init; }
    }

    public static void Map(RouteGroupBuilder cases) =>
        cases.MapPost("/amalgamations", Handle)
            .WithName("ProposeAmalgamation")
            .RequireAuthorization(TransformationPolicies.Write)
            .WithSummary("Propose an amalgamation")
            .WithDescription("Opens an amalgamation case: two or more participantIds end and newCooperative is founded (its id is chosen now and given to the register on approval). The new koperasi is checked like a registration: name, form, type (a savings-and-loan scheme for simpan-pinjam only), supervision level, a domicile in Jambi, business field.")
            .Produces<CaseResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<Created<CaseResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        Request request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, HttpResponse response, CancellationToken cancellationToken)
    {
        var v = new RequestValidation();
        v.Ids(request.ParticipantIds, "participantIds", Proposals.MaxParticipants);
        var founded = request.NewCooperative;
        v.Name(founded.Name, "newCooperative.name", 200);
        v.FreeText(founded.BusinessField, "newCooperative.businessField", 300);
        founded.Domicile.Check(v, "newCooperative.domicile");
        for (var i = 0; i < (founded.MemberClasses?.Count ?? 0); i++)
        {
            v.Name(founded.MemberClasses![i], $"newCooperative.memberClasses[{i}]", 100);
        }

        v.OptionalDate(request.ProposedOn, "proposedOn", FieldRules.EarliestCooperativeDate);

        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var today = clock.Today();
        var newCooperative = new NewCooperative(
            Guid.CreateVersion7(), founded.Name.Trim(), founded.Form, founded.Type, founded.SavingsLoanScheme, founded.Syariah, founded.MultiPihak,
            [.. (founded.MemberClasses ?? []).Select(c => c.Trim())], founded.SupervisionLevel, founded.Domicile.ToDomicile(), founded.BusinessField.Trim());
        var command = new AmalgamationProposal(Guid.CreateVersion7(), request.ProposedOn ?? today, request.ParticipantIds, newCooperative);
        return await Proposals.OpenCaseAsync(
            session, user, response, command.CaseId,
            [.. request.ParticipantIds.Select((id, i) => new Proposals.Named(id, $"participantIds[{i}]"))],
            (newCooperative.Domicile.RegencyCode, "newCooperative.domicile.regencyCode"),
            standings => TransformationCase.ProposeAmalgamation(command, standings, today), cancellationToken);
    }
}

using System.Security.Claims;
using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Time;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Transformation.Cases;

/// <summary>Propose a merger (penggabungan): a surviving koperasi absorbs one or more others.</summary>
public static class ProposeMerger
{
    public sealed record Request
    {
        public required Guid SurvivorId { get; init; }
        public required IReadOnlyList<Guid> AbsorbedIds { get; init; }

        /// <summary>The day the proposal reached the Dinas; today when left out.</summary>
        public DateOnly? ProposedOn { get; init; }
    }

    public static void Map(RouteGroupBuilder cases) =>
        cases.MapPost("/mergers", Handle)
            .WithName("ProposeMerger")
            .RequireAuthorization(TransformationPolicies.Write)
            .WithSummary("Propose a merger")
            .WithDescription("Opens a merger case: survivorId absorbs absorbedIds. Every koperasi must be registered, not dissolved, and in no other open case (409 cooperative-in-open-case). Answers 201 with the case, its Location and its ETag.")
            .Produces<CaseResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<Created<CaseResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        Request request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, HttpResponse response, CancellationToken cancellationToken)
    {
        var v = new RequestValidation();
        v.Id(request.SurvivorId, "survivorId");
        v.Ids(request.AbsorbedIds, "absorbedIds", Proposals.MaxParticipants);
        v.OptionalDate(request.ProposedOn, "proposedOn", FieldRules.EarliestCooperativeDate);

        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var today = clock.Today();
        var command = new MergerProposal(Guid.CreateVersion7(), request.ProposedOn ?? today, request.SurvivorId, request.AbsorbedIds);
        Proposals.Named[] named = [new(request.SurvivorId, "survivorId"), .. request.AbsorbedIds.Select((id, i) => new Proposals.Named(id, $"absorbedIds[{i}]"))];
        return await Proposals.OpenCaseAsync(
            session, user, response, command.CaseId, named, null,
            standings => TransformationCase.ProposeMerger(command, standings, today), cancellationToken);
    }
}

using System.Security.Claims;
using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Time;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Koperasi.Transformation.Dissolutions;

/// <summary>Open a dissolution case on the members' path: proposed by the supervisory board or by members.</summary>
public static class ProposeMembersDissolution
{
    public sealed record Request
    {
        public required Guid CooperativeId { get; init; }
        public required DissolutionProposer Proposer { get; init; }
        public int? ProposerCount { get; init; }
        public DateOnly? ProposedOn { get; init; }
    }

    public static void Map(RouteGroupBuilder cases) =>
        cases.MapPost("/members-meeting", Handle)
            .WithName("ProposeMembersDissolution")
            .RequireAuthorization(TransformationPolicies.Write)
            .WithSummary("Propose a dissolution by the members' meeting")
            .WithDescription("proposer: supervisory-board, or members with proposerCount (at least 1/5 of the register's member count). The koperasi must be in no other open case (transformation or dissolution).")
            .Produces<DissolutionCase>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static Task<Results<Created<DissolutionCase>, ValidationProblem, ProblemHttpResult>> Handle(
        Request request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, IOptions<DissolutionOptions> options,
        HttpResponse response, CancellationToken cancellationToken)
    {
        var v = new RequestValidation();
        v.Id(request.CooperativeId, "cooperativeId");
        v.OptionalCount(request.ProposerCount, "proposerCount", 1, 10_000_000);
        v.OptionalDate(request.ProposedOn, "proposedOn", FieldRules.EarliestCooperativeDate);
        if (!v.IsValid)
        {
            return Task.FromResult<Results<Created<DissolutionCase>, ValidationProblem, ProblemHttpResult>>(v.ToProblem());
        }

        var today = clock.Today();
        var command = new MembersDissolutionProposal(Guid.CreateVersion7(), request.ProposedOn ?? today, request.CooperativeId, request.Proposer, request.ProposerCount);
        return DissolutionProposals.OpenAsync(
            session, user, response, command.CaseId, command.CooperativeId,
            standing => DissolutionCase.ProposeByMembers(command, standing, today, options.Value), cancellationToken);
    }
}

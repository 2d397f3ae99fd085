using System.Security.Claims;
using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Time;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Koperasi.Transformation.Dissolutions;

/// <summary>Open a dissolution case on the government's path: the Dinas proposes, on grounds each with its evidence.</summary>
public static class ProposeGovernmentDissolution
{
    public const int MaxGrounds = 5;

    public sealed record Request
    {
        public required Guid CooperativeId { get; init; }
        public required IReadOnlyList<GroundDto> Grounds { get; init; }
        public DateOnly? ProposedOn { get; init; }
    }

    /// <summary>A ground (no-rat, no-business, bankruptcy, court-decision, breach), its evidence, and for no-business the day it stopped.</summary>
    public sealed record GroundDto(DissolutionGroundKind Kind, string Evidence, DateOnly? Since = null);

    public static void Map(RouteGroupBuilder cases) =>
        cases.MapPost("/government", Handle)
            .WithName("ProposeGovernmentDissolution")
            .RequireAuthorization(TransformationPolicies.Write)
            .WithSummary("Propose a dissolution by the government")
            .WithDescription("grounds: each with kind (no-rat, no-business, bankruptcy, court-decision, breach) and evidence (a document reference); no-business gives since. No RAT is checked against the register's latest RAT year. The koperasi must be in no other open case.")
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
        v.Items(request.Grounds, "grounds", MaxGrounds, min: 1);
        for (var i = 0; i < (request.Grounds?.Count ?? 0) && i < MaxGrounds; i++)
        {
            var ground = request.Grounds![i];
            if (ground is null)
            {
                v.Add($"grounds[{i}]", "A ground is an object with kind and evidence.");
                continue;
            }

            v.FreeText(ground.Evidence, $"grounds[{i}].evidence", 500);
            v.OptionalDate(ground.Since, $"grounds[{i}].since", FieldRules.EarliestCooperativeDate);
        }

        v.OptionalDate(request.ProposedOn, "proposedOn", FieldRules.EarliestCooperativeDate);
        if (!v.IsValid)
        {
            return Task.FromResult<Results<Created<DissolutionCase>, ValidationProblem, ProblemHttpResult>>(v.ToProblem());
        }

        var today = clock.Today();
        var grounds = request.Grounds!.Select(g => new DissolutionGround(g.Kind, g.Evidence.Trim(), g.Since)).ToList();
        var command = new GovernmentDissolutionProposal(Guid.CreateVersion7(), request.ProposedOn ?? today, request.CooperativeId, grounds);
        return DissolutionProposals.OpenAsync(
            session, user, response, command.CaseId, command.CooperativeId,
            standing => DissolutionCase.ProposeByGovernment(command, standing, today, options.Value), cancellationToken);
    }
}

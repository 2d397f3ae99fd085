using System.Security.Claims;
using JasperFx;
using Koperasi.Registry.Activity;
using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Identity;
using Koperasi.ServiceDefaults.Time;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Koperasi.Registry.Cooperatives;

/// <summary>
/// Change notifiable data: address within the same regency, board, contact, NIB, NIK koperasi.
/// Needs If-Match, so a change never overwrites one the caller has not seen.
/// </summary>
public static class ChangeDetails
{
    public sealed record Request(
        Register.AddressDto? Address = null,
        IReadOnlyList<BoardMember>? Board = null,
        Contact? Contact = null,
        string? Nib = null,
        NikKoperasi? NikKoperasi = null);

    public static void Map(RouteGroupBuilder cooperatives) =>
        cooperatives.MapPatch("/{id:guid}", Handle)
            .WithName("ChangeCooperativeDetails")
            .RequireAuthorization(RegistryPolicies.Write)
            .WithSummary("Change notifiable data")
            .WithDescription("Parts left out stay as they are. Requires If-Match with the ETag read; a stale ETag answers 409, and so does an NIB or NIK koperasi another koperasi holds. Moving to another regency is an amendment of the articles, not a notification (422).")
            .Produces<CooperativeResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

    private static async Task<Results<Ok<CooperativeResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, IOptions<ActivityPolicy> policy,
        HttpRequest httpRequest, HttpResponse response, CancellationToken cancellationToken)
    {
        var expectedVersion = httpRequest.ReadIfMatch(out var badIfMatch);
        if (badIfMatch is ValidationProblem badHeader)
        {
            return badHeader;
        }

        if (expectedVersion is not { } expected)
        {
            return Problems.IfMatchRequired();
        }

        var validation = Validate(request);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        if (await session.LoadAsync<Cooperative>(id, cancellationToken) is not { } current)
        {
            return Problems.NotFound("koperasi", id);
        }

        if (!user.MayActOnRegency(current.Address.RegencyCode))
        {
            return OutsideRegency.Problem(current.Address.RegencyCode, "id");
        }

        var stream = await session.Events.FetchForWriting<Cooperative>(id, expected, cancellationToken);
        var cooperative = stream.Aggregate!;
        var decision = cooperative.ChangeDetails(ToChange(request), clock.Today(), policy.Value);
        if (decision.Error is { } error)
        {
            return error.ToProblem();
        }

        if (await IdentifierClaim.CheckAsync(session, id, decision.Events, cancellationToken) is { } taken)
        {
            return taken.ToProblem();
        }

        stream.AppendMany(decision.Events);
        IdentifierClaim.UpdateInSession(session, id, decision.Events, cooperative);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (DocumentAlreadyExistsException claimed) when (claimed.DocType == typeof(IdentifierClaim))
        {
            return IdentifierClaim.Conflict(claimed.Id).ToProblem();
        }

        var after = decision.Events.Aggregate(cooperative, (state, e) => Cooperative.Fold(state, e)!) with
        {
            Version = expected + decision.Events.Count,
        };
        response.SetETag(after.Version);
        return TypedResults.Ok(CooperativeResponse.From(after));
    }

    private static RequestValidation Validate(Request request)
    {
        var v = new RequestValidation();
        if (request.Address is { } address)
        {
            CooperativeValidation.Address(v, address, "address");
        }

        CooperativeValidation.Board(v, request.Board);
        CooperativeValidation.Contact(v, request.Contact);
        v.Nib(request.Nib, "nib");
        CooperativeValidation.NikKoperasi(v, request.NikKoperasi);
        return v;
    }

    private static DetailsChange ToChange(Request request) =>
        new(request.Address?.ToAddress(), request.Board, CooperativeValidation.Present(request.Contact), FieldRules.Present(request.Nib), request.NikKoperasi);
}

using Koperasi.ServiceDefaults.Http;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using static Koperasi.Funding.Programmes.ProgrammeInput;

namespace Koperasi.Funding.Programmes;

/// <summary>Change a programme's budget, target, categories, quotas, eligibility switches or schedule (If-Match).</summary>
public static class ChangeProgramme
{
    public sealed record Request(
        decimal? Budget = null,
        int? TargetRecipients = null,
        IReadOnlyList<CategoryDto>? Categories = null,
        IReadOnlyDictionary<string, int>? RegencyQuotas = null,
        EligibilityDto? Eligibility = null,
        DateOnly? ReferenceDate = null,
        ApplicationWindow? Window = null);

    public static void Map(RouteGroupBuilder programmes) =>
        programmes.MapPatch("/{id:guid}", Handle)
            .WithName("ChangeProgramme")
            .RequireAuthorization(FundingPolicies.ManageProgrammes)
            .WithSummary("Change a programme")
            .WithDescription("Parts left out stay as they are; categories and quotas are sent whole (a category is closed, never removed; a regency left out of regencyQuotas has no quota). The budget and a quota cannot fall below what is decreed. Requires If-Match; a stale ETag answers 409.")
            .Produces<ProgrammeResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

    private static async Task<Results<Ok<ProgrammeResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, IDocumentSession session, HttpRequest httpRequest, HttpResponse response, CancellationToken cancellationToken)
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

        var v = Validate(request);
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        if (await session.LoadAsync<Programme>(id, cancellationToken) is null)
        {
            return Problems.NotFound("programme", id);
        }

        var stream = await session.Events.FetchForWriting<Programme>(id, expected, cancellationToken);
        var programme = stream.Aggregate!;
        var change = new ProgrammeChange(
            request.Budget,
            request.TargetRecipients,
            request.Categories?.Select(c => c.ToCategory()).ToList(),
            request.RegencyQuotas is { } quotas ? NormalizeQuotas(quotas) : null,
            request.Eligibility?.Over(programme.Eligibility),
            request.ReferenceDate,
            request.Window);
        var decision = programme.Change(change);
        if (decision.Error is { } error)
        {
            return error.ToProblem();
        }

        stream.AppendMany(decision.Events);
        await session.SaveChangesAsync(cancellationToken);

        var after = decision.Events.Aggregate(programme, (state, e) => Programme.Fold(state, e)!) with { Version = expected + decision.Events.Count };
        response.SetETag(after.Version);
        return TypedResults.Ok(ProgrammeResponse.From(after));
    }

    private static RequestValidation Validate(Request request)
    {
        var v = new RequestValidation();
        v.Check(request.Budget is null or > 0, "budget", "A budget of more than Rp 0.");
        v.Check(request.TargetRecipients is null or > 0, "targetRecipients", "At least one recipient.");
        if (request.Categories is { } categories)
        {
            Categories(v, categories);
        }

        Quotas(v, request.RegencyQuotas ?? new Dictionary<string, int>());
        if (request.Window is { } window)
        {
            Window(v, window);
        }

        if (request.Eligibility is { } eligibility)
        {
            Eligibility(v, eligibility);
        }

        return v;
    }
}

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

    private static Task<Results<Ok<ProgrammeResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, IDocumentSession session, HttpContext http) =>
        ProgrammeSteps.Step.RunAsync(
            id, http, session,
            programme => programme.Change(new ProgrammeChange(
                request.Budget,
                request.TargetRecipients,
                request.Categories?.Select(c => c.ToCategory()).ToList(),
                request.RegencyQuotas is { } quotas ? NormalizeQuotas(quotas) : null,
                request.Eligibility?.Over(programme.Eligibility),
                request.ReferenceDate,
                request.Window)),
            step => TypedResults.Ok(ProgrammeResponse.From(step.After)),
            Validate(request));

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

using JasperFx;
using Koperasi.ServiceDefaults.Decisions;
using Koperasi.ServiceDefaults.Http;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using static Koperasi.Funding.Programmes.ProgrammeInput;

namespace Koperasi.Funding.Programmes;

/// <summary>Open the programme of a year.</summary>
public static class OpenProgramme
{
    public sealed record Request(
        int Year,
        string Name,
        decimal Budget,
        int TargetRecipients,
        IReadOnlyList<CategoryDto> Categories,
        DateOnly ReferenceDate,
        ApplicationWindow Window,
        IReadOnlyDictionary<string, int>? RegencyQuotas = null,
        EligibilityDto? Eligibility = null);

    public static void Map(RouteGroupBuilder programmes) =>
        programmes.MapPost("", Handle)
            .WithName("OpenProgramme")
            .RequireAuthorization(FundingPolicies.ManageProgrammes)
            .WithSummary("Open a year's programme")
            .WithDescription("Budget, target recipients, categories with their grant, optional quotas per regency, the eligibility switches (defaults from configuration where left out), the reference date for ages and the application window. One programme per year (409).")
            .Produces<ProgrammeResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<Created<ProgrammeResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        Request request, IDocumentSession session, IOptions<ProgrammeDefaults> defaults, HttpResponse response, CancellationToken cancellationToken)
    {
        var v = Validate(request);
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var command = ToCommand(request, Guid.CreateVersion7(), defaults.Value);
        if (await session.LoadAsync<ProgrammeYearClaim>(command.Year, cancellationToken) is not null)
        {
            return YearTaken(command.Year);
        }

        if (StartStreamInSession(session, command) is { } error)
        {
            return error.ToProblem();
        }

        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (DocumentAlreadyExistsException)
        {
            return YearTaken(command.Year);
        }

        var programme = await session.LoadAsync<Programme>(command.ProgrammeId, cancellationToken)
            ?? throw new InvalidOperationException("The opened programme was not projected.");
        response.SetETag(programme.Version);
        return TypedResults.Created($"/api/funding/programmes/{programme.Id}", ProgrammeResponse.From(programme));
    }

    /// <summary>The command of a valid request: eligibility switches left out come from the configured defaults.</summary>
    public static OpenProgrammeCommand ToCommand(Request request, Guid programmeId, ProgrammeDefaults defaults)
    {
        var categories = request.Categories.Select(c => c.ToCategory()).ToList();
        var eligibility = (request.Eligibility ?? new EligibilityDto()).Over(defaults.For(categories));
        return new OpenProgrammeCommand(
            programmeId, request.Year, FieldRules.Tidy(request.Name), request.Budget, request.TargetRecipients, categories,
            NormalizeQuotas(request.RegencyQuotas ?? new Dictionary<string, int>()), eligibility, request.ReferenceDate, request.Window);
    }

    /// <summary>
    /// Decides the opening and stages the programme's stream with the claim on its year; the caller
    /// commits (a second programme of the year then fails on the claim's key).
    /// </summary>
    public static DomainError? StartStreamInSession(IDocumentSession session, OpenProgrammeCommand command)
    {
        var decision = Programme.Open(command);
        if (decision.Error is { } error)
        {
            return error;
        }

        session.Events.StartStream<Programme>(command.ProgrammeId, decision.Events);
        session.Insert(new ProgrammeYearClaim(command.Year, command.ProgrammeId));
        return null;
    }

    private static ProblemHttpResult YearTaken(int year) =>
        DomainError.Conflict("programme-year-taken", $"A programme of {year} is already open; change it instead.", "year").ToProblem();

    public static RequestValidation Validate(Request request)
    {
        var v = new RequestValidation();
        v.Year(request.Year, "year", 2000, 2999);
        v.Name(request.Name, "name", 200);
        v.Check(request.Budget > 0, "budget", "A budget of more than Rp 0.");
        v.Check(request.TargetRecipients > 0, "targetRecipients", "At least one recipient.");
        Categories(v, request.Categories);
        Quotas(v, request.RegencyQuotas ?? new Dictionary<string, int>());
        Window(v, request.Window);
        if (request.Eligibility is { } eligibility)
        {
            Eligibility(v, eligibility);
        }

        return v;
    }
}

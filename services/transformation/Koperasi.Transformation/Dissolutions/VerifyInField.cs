using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Time;
using Koperasi.Transformation.Cases;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Koperasi.Transformation.Dissolutions;

/// <summary>Record the field verification.</summary>
public static class VerifyInField
{
    public sealed record Request
    {
        public required DateOnly VerifiedOn { get; init; }
        public required LetterDto Letter { get; init; }
    }

    public static void Map(RouteGroupBuilder cases) =>
        cases.MapPost("/{id:guid}/field-verification", Handle)
            .WithName("VerifyInField")
            .WithSummary("Record the field verification")
            .WithDescription("Government path: the verification date and the village letter (number, date, desa). Needs If-Match.")
            .AsDissolutionStep();

    private static Task<Results<Ok<DissolutionCase>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, IDocumentSession session, HttpContext http, TimeProvider clock, IOptions<DissolutionOptions> options, IOptions<MeetingPolicy> policy)
    {
        var v = new RequestValidation();
        v.Date(request.VerifiedOn, "verifiedOn", FieldRules.EarliestCooperativeDate);
        v.Code(request.Letter?.Number, "letter.number", 100);
        v.Name(request.Letter?.Desa, "letter.desa", 200);
        v.Date(request.Letter?.Date ?? default, "letter.date", FieldRules.EarliestCooperativeDate);
        var today = clock.Today();
        return DissolutionSteps.ApplyAsync(id, http, session, v, current => current.VerifyInField(new VillageLetter(request.Letter!.Number.Trim(), request.Letter.Date, request.Letter.Desa.Trim()), request.VerifiedOn, today));
    }
}

/// <summary>The village's letter (surat keterangan desa/kelurahan).</summary>
public sealed record LetterDto(string Number, DateOnly Date, string Desa);

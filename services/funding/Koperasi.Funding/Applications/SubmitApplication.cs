using System.Globalization;
using System.Security.Claims;
using System.Text.RegularExpressions;
using JasperFx;
using Koperasi.Funding.Applicants;
using Koperasi.Funding.Programmes;
using Koperasi.ServiceDefaults.Regions;
using Koperasi.ServiceDefaults.Decisions;
using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Identity;
using Koperasi.ServiceDefaults.PersonalData;
using Koperasi.ServiceDefaults.Time;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Koperasi.Funding.Applications;

/// <summary>
/// Submit an application. The NIK, name, phone and street address go into the personal-data vault
/// under the applicant's pseudonym (the one the vault already knows for this NIK, or a new one);
/// the events carry the pseudonym only.
/// </summary>
public static partial class SubmitApplication
{
    public sealed record Request(
        Guid ProgrammeId,
        string Nik,
        string Name,
        Sex Sex,
        DateOnly BirthDate,
        AddressDto Address,
        Occupation Occupation,
        bool DeclaredKurDebtor,
        string Category,
        string BusinessDescription,
        string? Phone = null,
        string? Nib = null,
        Guid? CooperativeId = null);

    /// <summary>Where the applicant lives: the regency (1571 or 15.71) must be in Jambi.</summary>
    public sealed record AddressDto(string RegencyCode, string Kecamatan, string? Street = null, string? Village = null);

    public static void Map(RouteGroupBuilder applications) =>
        applications.MapPost("", Handle)
            .WithName("SubmitApplication")
            .RequireAuthorization(FundingPolicies.Submit)
            .WithSummary("Submit an application")
            .WithDescription("Checks the NIK (16 digits with a birth date that exists; day and month of birth and sex agree with birthDate and sex), the applicant's age on the day of the application (born before it, 422 birth-date-after-application; at least Applications:MinimumAge, default 17, the age for a KTP, 422 applicant-under-age), the regency (Jambi; the NIK's prefix proves nothing), the category (open in the programme), the window, one application per NIK per programme (409) and the programme's eligibility switches (422 not-eligible, every failed rule in rules). A pendamping submits only in its regencies.")
            .Produces<ApplicationResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<Created<ApplicationResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        Request request, ClaimsPrincipal user, IDocumentSession session, IDocumentStore store, [FromServices] IPersonalDataVault vault, TimeProvider clock,
        IOptions<ApplicantAge> age, HttpResponse response, CancellationToken cancellationToken)
    {
        var v = Validate(request, out var nik);
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        Regencies.TryNormalize(request.Address.RegencyCode, out var regency);
        if (!user.MayActOnRegency(regency))
        {
            return OutsideRegency.Problem(regency, "address.regencyCode");
        }

        if (await session.LoadAsync<Programme>(request.ProgrammeId, cancellationToken) is not { } programme)
        {
            return DomainError.Unprocessable("unknown-programme", $"No programme with id {request.ProgrammeId}.", "programmeId").ToProblem();
        }

        var clearNik = request.Nik.Trim();
        await using var nikLock = await NikLock.AcquireAsync(store, clearNik, cancellationToken);
        var known = await vault.FindByNikAsync(session, clearNik, cancellationToken);
        var applicantId = known.Count > 0 ? known[0] : Guid.CreateVersion7();
        var claims = await session.LoadManyAsync<ApplicationClaim>(cancellationToken, [.. known.Select(k => ApplicationClaim.KeyOf(programme.Id, k))]);
        var grantsHeld = await GrantsHeldQuery.OfAnyAsync(session, known, cancellationToken);

        var command = ToCommand(request, Guid.CreateVersion7(), applicantId, nik!, regency);
        var decision = Application.Submit(command, programme, claims.Count > 0, grantsHeld, clock.Today(), age.Value.MinimumAge);
        if (decision.Error is { } error)
        {
            return Refusals.ToProblem(error, error.Rule == EligibilityCheck.NotEligible
                ? EligibilityCheck.Evaluate(programme, Application.FactsOf(command), grantsHeld)
                : []);
        }

        var record = RecordOf(request);
        StartStreamInSession(session, vault, command, decision.Events, record);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (DocumentAlreadyExistsException)
        {
            return DomainError.Conflict("application-already-submitted", $"This NIK already has an application in programme {programme.Year}.", "nik").ToProblem();
        }

        var application = await session.LoadAsync<Application>(command.ApplicationId, cancellationToken)
            ?? throw new InvalidOperationException("The submitted application was not projected.");
        response.SetETag(application.Version);
        return TypedResults.Created($"/api/funding/applications/{application.Id}", ApplicationResponse.From(application, ApplicantCard.For(applicantId, record), programme.ReferenceDate, ApplicantDisclosure.Identifies(user)));
    }

    /// <summary>
    /// Adds a decided submission to the session: the application's stream (its submission, and in the demo load
    /// the steps that followed), the claim of one application per NIK in the programme, the
    /// applicant's record in the vault under the pseudonym, and the masked card. The caller commits.
    /// </summary>
    public static void StartStreamInSession(IDocumentSession session, IPersonalDataVault vault, SubmitApplicationCommand command, IReadOnlyList<object> events, ApplicantRecord record)
    {
        session.Events.StartStream<Application>(command.ApplicationId, events);
        session.Insert(new ApplicationClaim(ApplicationClaim.KeyOf(command.ProgrammeId, command.ApplicantId), command.ApplicationId));
        vault.Store(session, command.ApplicantId, record, record.Nik);
        session.Store(ApplicantCard.For(command.ApplicantId, record));
    }

    /// <summary>What the vault keeps of a valid request.</summary>
    public static ApplicantRecord RecordOf(Request request) =>
        new(request.Nik.Trim(), FieldRules.Tidy(request.Name), FieldRules.Present(request.Phone), Tidy(request.Address.Street), Tidy(request.Address.Village));

    /// <summary>No applicant alive was born earlier.</summary>
    private static readonly DateOnly EarliestBirthDate = new(1900, 1, 1);

    public static RequestValidation Validate(Request request, out NikStructure.Parts? nik)
    {
        var v = new RequestValidation();
        nik = NikStructure.Read(request.Nik?.Trim(), out var nikProblem);
        if (nikProblem is not null)
        {
            v.Add("nik", nikProblem);
        }

        v.Name(request.Name, "name", 200);
        v.Date(request.BirthDate, "birthDate", EarliestBirthDate);
        v.Regency(request.Address.RegencyCode, "address.regencyCode");
        v.Name(request.Address.Kecamatan, "address.kecamatan", 100);
        v.FreeText(request.Address.Street, "address.street", 300, required: false);
        v.FreeText(request.Address.Village, "address.village", 100, required: false);
        v.Phone(request.Phone, "phone");
        v.Nib(request.Nib, "nib");
        v.KebabCode(request.Category, "category");
        v.FreeText(request.BusinessDescription, "businessDescription", 2000);
        return v;
    }

    public static SubmitApplicationCommand ToCommand(Request request, Guid applicationId, Guid applicantId, NikStructure.Parts nik, string regency) => new(
        applicationId, applicantId, nik, request.ProgrammeId, request.Category.Trim(), request.Sex, request.BirthDate, regency,
        KecamatanName(request.Address.Kecamatan), request.Occupation, request.DeclaredKurDebtor, FieldRules.Present(request.Nib), request.BusinessDescription.Trim(),
        request.CooperativeId);

    /// <summary>"jambi  SELATAN" and "Jambi Selatan" are one kecamatan in the reports; a roman numeral stays one ("Bathin VIII").</summary>
    public static string KecamatanName(string kecamatan) =>
        string.Join(' ', FieldRules.Tidy(kecamatan).Split(' ').Select(word => RomanNumeral().IsMatch(word)
            ? word.ToUpperInvariant()
            : CultureInfo.InvariantCulture.TextInfo.ToTitleCase(word.ToLowerInvariant())));

    [GeneratedRegex("^(?=.)x{0,3}(ix|iv|v?i{0,3})$", RegexOptions.IgnoreCase)]
    private static partial Regex RomanNumeral();

    private static string? Tidy(string? text) => FieldRules.Present(text) is { } present ? FieldRules.Tidy(present) : null;
}

using System.Security.Claims;
using JasperFx;
using Koperasi.Registry.Activity;
using Koperasi.ServiceDefaults.Regions;
using Koperasi.ServiceDefaults.Decisions;
using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Identity;
using Koperasi.ServiceDefaults.Time;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Koperasi.Registry.Cooperatives;

/// <summary>Register a koperasi (optionally with the RATs it already held).</summary>
public static class Register
{
    public sealed record Request
    {
        public required string Name { get; init; }
        public required CooperativeForm Form { get; init; }
        public required CooperativeType Type { get; init; }
        public SavingsLoanScheme? SavingsLoanScheme { get; init; }
        public bool Syariah { get; init; }
        public bool MultiPihak { get; init; }
        public IReadOnlyList<string>? MemberClasses { get; init; }
        public required SupervisionLevel SupervisionLevel { get; init; }
        public required AddressDto Address { get; init; }
        public required LegalEntity LegalEntity { get; init; }
        public NotarialDeed? Deed { get; init; }
        public required int FoundingMembers { get; init; }
        public required int MemberCount { get; init; }
        public required string BusinessField { get; init; }
        public string? Nib { get; init; }
        public NikKoperasi? NikKoperasi { get; init; }
        public IReadOnlyList<BoardMember>? Board { get; init; }
        public Contact? Contact { get; init; }
        public IReadOnlyList<ReportRat.Request>? RatHistory { get; init; }

        /// <summary>The profile as registered; call only after validation.</summary>
        public CooperativeProfile ToProfile() => new(
            Name.Trim(),
            Form,
            Type,
            SavingsLoanScheme,
            Syariah,
            MultiPihak,
            [.. (MemberClasses ?? []).Select(c => c.Trim())],
            SupervisionLevel,
            Address.ToAddress(),
            BusinessField.Trim());
    }

    /// <summary>
    /// An address as sent: the regency code in either spelling ("1571" or "15.71"); the kecamatan by its
    /// Kemendagri code ("15.71.04") or its name, and optionally the desa or kelurahan the same way.
    /// </summary>
    public sealed record AddressDto(string Street, string Kecamatan, string RegencyCode, string? Village = null, string? PostalCode = null, string? Desa = null)
    {
        /// <summary>
        /// The address as stored; call only after validation (the regency code is known). A kecamatan
        /// (and desa) that names a place of Jambi is stored with its code and name as the regulation writes
        /// it; one that names none (a domicile sent by another service, a demo name) stays free text.
        /// </summary>
        public Address ToAddress()
        {
            if (!Regencies.TryNormalize(RegencyCode, out var regency))
            {
                throw new InvalidOperationException($"Unknown regency {RegencyCode}: validate first.");
            }

            var village = FieldRules.Present(Village);
            if (Places.ResolveKecamatan(regency, Kecamatan, "address.kecamatan").Place is not { } kecamatan)
            {
                return new Address(Street.Trim(), village, Kecamatan.Trim(), regency, FieldRules.Present(PostalCode));
            }

            var desa = FieldRules.Present(Desa) is { } sent ? Places.ResolveDesa(kecamatan.Code, sent, "address.desa").Place : null;
            return new Address(Street.Trim(), village ?? desa?.Name, kecamatan.Name, regency, FieldRules.Present(PostalCode), kecamatan.Code, desa?.Code);
        }

        /// <summary>
        /// Why the kecamatan or desa names no place of the regency (422 naming the field), or null.
        /// Call after the shape is validated.
        /// </summary>
        public DomainError? PlaceError(string field)
        {
            var kecamatan = Places.ResolveKecamatan(RegencyCode, Kecamatan, $"{field}.kecamatan");
            if (kecamatan.Error is { } refused)
            {
                return refused;
            }

            return FieldRules.Present(Desa) is { } desa ? Places.ResolveDesa(kecamatan.Place!.Code, desa, $"{field}.desa").Error : null;
        }
    }

    public static void Map(RouteGroupBuilder cooperatives) =>
        cooperatives.MapPost("", Handle)
            .WithName("RegisterCooperative")
            .RequireAuthorization(RegistryPolicies.Write)
            .WithSummary("Register a koperasi")
            .WithDescription("Registers a koperasi with its legal-entity decree. A duplicate decree number, or an NIB or NIK koperasi another koperasi holds, answers 409. RATs it already held may come along in ratHistory; its activity is evaluated up to today.")
            .Produces<CooperativeResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<Created<CooperativeResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        Request request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, IOptions<ActivityPolicy> policy, HttpResponse response, CancellationToken cancellationToken)
    {
        var validation = Validate(request);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        if (request.Address.PlaceError("address") is { } place)
        {
            return place.ToProblem();
        }

        var command = ToCommand(request, Guid.CreateVersion7());
        if (!user.MayActOnRegency(command.Profile.Address.RegencyCode))
        {
            return OutsideRegency.Problem(command.Profile.Address.RegencyCode, "address.regencyCode");
        }

        var outcome = await DecideInSessionAsync(session, command, clock.Today(), policy.Value, cancellationToken);
        if (outcome.Error is { } error)
        {
            return error.ToProblem();
        }

        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (DocumentAlreadyExistsException taken) when (taken.DocType == typeof(IdentifierClaim))
        {
            return IdentifierClaim.Conflict(taken.Id).ToProblem();
        }
        catch (DocumentAlreadyExistsException)
        {
            return AlreadyRegistered(request.LegalEntity.DecreeNumber).ToProblem();
        }

        // The inline projection stored exactly this fold of the new stream's events (CooperativeProjection);
        // folding them here answers without reading the document back (one round trip fewer: docs/benchmarks).
        var cooperative = outcome.Events.Aggregate((Cooperative?)null, Cooperative.Fold)
            ?? throw new InvalidOperationException("The registration's events found no koperasi.");
        cooperative.Version = outcome.Events.Count;
        response.SetETag(cooperative.Version);
        return TypedResults.Created($"/api/registry/cooperatives/{cooperative.Id}", CooperativeResponse.From(cooperative));
    }

    /// <summary>The outcome of staging a registration: the new id and the events staged, or the rule it breaks.</summary>
    public readonly record struct Outcome(Guid CooperativeId, DomainError? Error, IReadOnlyList<object> Events);

    /// <summary>
    /// Decides a registration and stages its events and decree claim in the session; the caller
    /// commits (one registration over HTTP, a batch in an import or the demo load).
    /// </summary>
    public static async Task<Outcome> DecideInSessionAsync(IDocumentSession session, RegisterCooperative command, DateOnly today, ActivityPolicy policy, CancellationToken cancellationToken)
    {
        if (await ClaimOfAsync(session, command.LegalEntity.DecreeNumber, cancellationToken) is { } claim)
        {
            return new Outcome(claim.CooperativeId, AlreadyRegistered(command.LegalEntity.DecreeNumber), []);
        }

        var decision = Cooperative.Register(command, today, policy);
        if (decision.Error is { } error)
        {
            return new Outcome(command.CooperativeId, error, []);
        }

        if (await IdentifierClaim.CheckAsync(session, command.CooperativeId, decision.Events, cancellationToken) is { } taken)
        {
            return new Outcome(command.CooperativeId, taken, []);
        }

        StartStreamInSession(session, command.CooperativeId, command.LegalEntity.DecreeNumber, decision.Events);
        return new Outcome(command.CooperativeId, null, decision.Events);
    }

    /// <summary>Who holds a legal-entity decree number, if anyone does.</summary>
    public static Task<DecreeNumberClaim?> ClaimOfAsync(IQuerySession session, string decreeNumber, CancellationToken cancellationToken) =>
        session.LoadAsync<DecreeNumberClaim>(DecreeNumberClaim.Normalize(decreeNumber), cancellationToken);

    /// <summary>
    /// Adds a decided registration to the session: the new stream and the claims on its decree number, NIB and
    /// NIK koperasi, committed together so two registrations of one number cannot both commit.
    /// </summary>
    public static void StartStreamInSession(IDocumentSession session, Guid cooperativeId, string decreeNumber, IReadOnlyList<object> events)
    {
        session.Events.StartStream<Cooperative>(cooperativeId, events);
        session.Insert(new DecreeNumberClaim(DecreeNumberClaim.Normalize(decreeNumber), cooperativeId));
        IdentifierClaim.UpdateInSession(session, cooperativeId, events);
    }

    public static DomainError AlreadyRegistered(string decreeNumber) => DomainError.Conflict(
        "decree-number-already-registered",
        $"A koperasi with legal-entity decree number {decreeNumber} is already registered.",
        "legalEntity.decreeNumber");

    public static RequestValidation Validate(Request request)
    {
        var v = new RequestValidation();
        v.Name(request.Name, "name", 200);
        v.FreeText(request.BusinessField, "businessField", 300);
        CooperativeValidation.Address(v, request.Address, "address");
        v.Code(request.LegalEntity.DecreeNumber, "legalEntity.decreeNumber", 100);
        v.Date(request.LegalEntity.DecreeDate, "legalEntity.decreeDate", FieldRules.EarliestCooperativeDate);
        v.Count(request.FoundingMembers, "foundingMembers", 1);
        v.Count(request.MemberCount, "memberCount", 1);
        v.Nib(request.Nib, "nib");
        CooperativeValidation.NikKoperasi(v, request.NikKoperasi);
        CooperativeValidation.Board(v, request.Board);
        CooperativeValidation.Contact(v, request.Contact);
        if (request.Deed is { } deed)
        {
            v.Code(deed.Number, "deed.number", 100);
            v.Name(deed.Notary, "deed.notary", 200);
        }

        for (var i = 0; i < (request.MemberClasses?.Count ?? 0); i++)
        {
            v.Name(request.MemberClasses![i], $"memberClasses[{i}]", 100);
        }

        for (var i = 0; i < (request.RatHistory?.Count ?? 0); i++)
        {
            ReportRat.Validate(request.RatHistory![i], v, $"ratHistory[{i}].");
        }

        return v;
    }

    public static RegisterCooperative ToCommand(Request request, Guid id) =>
        new(
            id,
            request.ToProfile(),
            request.LegalEntity with { DecreeNumber = request.LegalEntity.DecreeNumber.Trim() },
            request.Deed,
            request.FoundingMembers,
            request.MemberCount,
            FieldRules.Present(request.Nib),
            request.NikKoperasi,
            request.Board ?? [],
            CooperativeValidation.Present(request.Contact),
            [.. (request.RatHistory ?? []).Select(ReportRat.ToReport)]);
}

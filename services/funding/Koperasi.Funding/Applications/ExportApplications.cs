using System.Globalization;
using System.Security.Claims;
using System.Text;
using Koperasi.Funding.Applicants;
using Koperasi.Funding.Programmes;
using Koperasi.ServiceDefaults.Regions;
using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Identity;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Funding.Applications;

/// <summary>
/// The applications as a CSV file for the Dinas staff's spreadsheets: the list's filters and
/// regency scope, one row per application, the applicant as the caller's screens show it
/// (<see cref="ApplicantDisclosure"/>: NIK masked and name to the officers who work it, empty cells
/// to an auditor; nothing once erased). Never a birth date, a phone, a street, an account or a NIK
/// in clear.
/// </summary>
public static partial class ExportApplications
{
    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>What the NIK and name cells hold for an erased applicant.</summary>
    public const string ErasedMarker = "(dihapus)";

    /// <summary>Rows read per query: any number of applications streams out in bounded memory.</summary>
    public const int ChunkSize = 500;

    public static readonly IReadOnlyList<string> Header =
    [
        "ID Permohonan", "Tahun Program", "Kategori", "Kode Kabupaten/Kota", "Kabupaten/Kota", "Kecamatan", "NIK (disamarkan)", "Nama",
        "Status", "Nilai Hibah (Rp)", "Nomor SK", "Tanggal SK", "Tanggal Pencairan", "Referensi Transfer", "Jumlah Kunjungan Monitoring",
    ];

    public static void Map(RouteGroupBuilder applications) =>
        applications.MapGet("/export", Handle)
            .WithName("ExportApplications")
            .RequireAuthorization(FundingPolicies.ReadApplications)
            .WithSummary("Export applications as CSV")
            .WithDescription("Filters as the list: programmeId, year, regency, status, category; a pendamping gets only its regencies. UTF-8 with BOM, comma-separated (RFC 4180), headers in Bahasa Indonesia, the NIK masked; oldest first. 404 for an unknown programmeId.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<PushStreamHttpResult, ValidationProblem, ProblemHttpResult>> Handle(
        ClaimsPrincipal user,
        IQuerySession session,
        HttpResponse response,
        ICurrentActor actor,
        ILoggerFactory loggers,
        CancellationToken cancellationToken,
        Guid? programmeId = null,
        int? year = null,
        string? regency = null,
        string? status = null,
        string? category = null)
    {
        var v = new RequestValidation();
        if (ApplicationFilter.Read(v, programmeId, year, regency, status, category) is not { } filter)
        {
            return v.ToProblem();
        }

        var programmeYear = year;
        if (programmeId is { } id)
        {
            if (await session.LoadAsync<Programme>(id, cancellationToken) is not { } programme)
            {
                return Problems.NotFound("programme", id);
            }

            programmeYear = programme.Year;
        }

        // Names are personal data even with the NIK masked: no cache along the way keeps the file.
        response.Headers.CacheControl = "no-store";
        var logger = loggers.CreateLogger(typeof(ExportApplications).FullName!);
        var fileName = FileName(filter, programmeYear);
        return TypedResults.Stream(
            async body =>
            {
                var rows = await WriteAsync(body, filter.Apply(session.Query<Application>(), user), session, ApplicantDisclosure.Identifies(user), cancellationToken);
                LogExported(logger, actor.Name, actor.Role, rows, fileName);
            },
            ContentType,
            fileName);
    }

    /// <summary>The header and every selected application, a chunk at a time in the order of their ids (submission order); the number of rows.</summary>
    private static async Task<int> WriteAsync(Stream body, IQueryable<Application> selected, IQuerySession session, bool identified, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
        // The byte order mark tells Excel the file is UTF-8 (names with é, ñ and the like).
        await writer.WriteAsync('\uFEFF');
        await writer.WriteAsync(CsvText.Line(Header));
        var rows = 0;
        Guid? after = null;
        while (true)
        {
            var chunk = after is { } last ? selected.Where(a => a.Id > last) : selected;
            var applications = await chunk.OrderBy(a => a.Id).Take(ChunkSize).ToListAsync(cancellationToken);
            if (applications.Count == 0)
            {
                return rows;
            }

            var cards = (await session.LoadManyAsync<ApplicantCard>(cancellationToken, [.. applications.Select(a => a.ApplicantId).Distinct()])).ToDictionary(c => c.Id);
            foreach (var application in applications)
            {
                await writer.WriteAsync(CsvText.Line(Row(application, cards.GetValueOrDefault(application.ApplicantId), identified)));
            }

            await writer.FlushAsync(cancellationToken);
            rows += applications.Count;
            after = applications[^1].Id;
        }
    }

    /// <summary>One application's cells, in the order of <see cref="Header"/>; NIK and name empty for a caller who does not see them.</summary>
    public static IReadOnlyList<string?> Row(Application a, ApplicantCard? card, bool identified)
    {
        var applicant = ApplicantView.Of(a.ApplicantId, card, identified);
        return
        [
            a.Id.ToString(),
            a.ProgrammeYear.ToString(CultureInfo.InvariantCulture),
            a.Category,
            a.RegencyCode,
            Regencies.NameOf(a.RegencyCode),
            a.Kecamatan,
            applicant.Erased ? ErasedMarker : applicant.MaskedNik,
            applicant.Erased ? ErasedMarker : applicant.Name,
            KebabEnum.Name(a.Status),
            a.Decree?.Amount.ToString("0.##", CultureInfo.InvariantCulture),
            a.Decree?.DecreeNumber,
            Date(a.Decree?.DecreeDate),
            Date(a.Disbursement?.DisbursedOn),
            a.Disbursement?.TransferReference,
            a.Visits.Count.ToString(CultureInfo.InvariantCulture),
        ];
    }

    /// <summary>"permohonan-dumisake-2023-1503-mak-mak-disbursed.csv": what the file holds, as far as the filters say.</summary>
    public static string FileName(ApplicationFilter filter, int? year)
    {
        string?[] parts =
        [
            "permohonan-dumisake",
            year?.ToString(CultureInfo.InvariantCulture) ?? "semua-tahun",
            filter.RegencyCode,
            filter.Category,
            filter.Status is { } status ? KebabEnum.Name(status) : null,
        ];
        return string.Join('-', parts.OfType<string>()) + ".csv";
    }

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applications exported by {Actor} ({Role}): {Rows} rows in {FileName}")]
    private static partial void LogExported(ILogger logger, string actor, string? role, int rows, string fileName);
}

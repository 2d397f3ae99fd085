using System.Globalization;
using System.Text;
using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Regions;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Registry.Cooperatives;

/// <summary>
/// The register as a CSV file for Excel, with the list's filters: the whole selection, streamed a
/// chunk at a time (not pages of 200). The koperasi's own data only: no board member, no contact
/// person, no phone, so no citizen's NIK or phone can be in it.
/// </summary>
public static class ExportCooperatives
{
    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>Rows read per query: any size of register streams out in bounded memory.</summary>
    public const int ChunkSize = 1000;

    public static readonly IReadOnlyList<string> Header =
    [
        "id", "name", "form", "type", "supervisionLevel", "regencyCode", "regencyName", "kecamatanCode", "kecamatan", "decreeNumber", "decreeDate",
        "activity", "lastRatYear", "nikKoperasi", "memberCount", "legalStatus",
    ];

    public static void Map(RouteGroupBuilder cooperatives) =>
        cooperatives.MapGet("/export.csv", Handle)
            .WithName("ExportCooperatives")
            .RequireAuthorization(RegistryPolicies.Read)
            .WithSummary("Export the register as CSV")
            .WithDescription("The filters of the list (regency, type, form, activity, supervisionLevel, legalStatus, q, hasNikKoperasi), every koperasi they select, streamed: UTF-8 with BOM, comma-separated (RFC 4180), one row per koperasi in id order. No personal data: no board, no contact, no phone.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesValidationProblem();

    private static Results<PushStreamHttpResult, ValidationProblem> Handle(
        IQuerySession session,
        CancellationToken cancellationToken,
        string? regency = null,
        string? type = null,
        string? form = null,
        string? activity = null,
        string? supervisionLevel = null,
        string? legalStatus = null,
        string? q = null,
        bool? hasNikKoperasi = null)
    {
        var v = new RequestValidation();
        if (ListCooperatives.Filter(session, v, regency, type, form, activity, supervisionLevel, legalStatus, q, hasNikKoperasi) is not { } selected || !v.IsValid)
        {
            return v.ToValidationProblem();
        }

        return TypedResults.Stream(body => WriteAsync(body, selected, cancellationToken), ContentType, "koperasi.csv");
    }

    private static async Task WriteAsync(Stream body, IQueryable<Cooperative> selected, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
        await writer.WriteAsync('\uFEFF');
        await writer.WriteAsync(CsvText.Line(Header));
        Guid? after = null;
        while (true)
        {
            var chunk = after is { } last ? selected.Where(c => c.Id > last) : selected;
            var cooperatives = await chunk.OrderBy(c => c.Id).Take(ChunkSize).ToListAsync(cancellationToken);
            if (cooperatives.Count == 0)
            {
                return;
            }

            foreach (var c in cooperatives)
            {
                await writer.WriteAsync(CsvText.Line(
                [
                    c.Id.ToString(), c.Name, KebabEnum.Name(c.Form), KebabEnum.Name(c.Type), KebabEnum.Name(c.SupervisionLevel), c.Address.RegencyCode,
                    Regencies.Get(c.Address.RegencyCode).DisplayName, c.Address.KecamatanCode, c.Address.Kecamatan, c.LegalEntity.DecreeNumber,
                    c.LegalEntity.DecreeDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), KebabEnum.Name(c.Activity),
                    c.LastRat?.FinancialYear.ToString(CultureInfo.InvariantCulture), c.NikKoperasi?.Number, c.MemberCount.ToString(CultureInfo.InvariantCulture),
                    KebabEnum.Name(c.LegalStatus),
                ]));
            }

            await writer.FlushAsync(cancellationToken);
            after = cooperatives[^1].Id;
        }
    }
}

using Koperasi.Console.Gateway;
using Koperasi.Console.SignIn;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Koperasi.Console.Pages.Laporan;

/// <summary>
/// The register as CSV with the list's filters, for the browser: the Registry's export
/// (<c>/api/registry/cooperatives/export.csv</c>) called with the signed-in user's token and passed on
/// as it streams, so the whole register never sits in the console's memory. The filters keep the
/// console's Indonesian names (as the register list's address has them).
/// </summary>
public static class UnduhRegister
{
    public const string Path = "/laporan/register.csv";

    /// <summary>The console's filter names and the export's.</summary>
    private static readonly (string Console, string Api)[] Filters =
        [("q", "q"), ("kabupaten", "regency"), ("keaktifan", "activity"), ("status", "legalStatus"), ("jenis", "type"), ("bentuk", "form"), ("pembinaan", "supervisionLevel")];

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(Path, HandleAsync).RequireAuthorization(ConsoleAuth.Policy);

    /// <summary>The export's path and query for the filters given (the others are not passed on).</summary>
    public static string ApiPath(IQueryCollection query)
    {
        var given = Filters
            .Where(f => !string.IsNullOrWhiteSpace(query[f.Console]))
            .Select(f => $"{f.Api}={Uri.EscapeDataString(query[f.Console].ToString().Trim())}")
            .ToList();
        return "api/registry/cooperatives/export.csv" + (given.Count == 0 ? "" : "?" + string.Join("&", given));
    }

    private static async Task HandleAsync(HttpContext context, GatewayApi api, CancellationToken cancellationToken)
    {
        HttpResponseMessage answer;
        try
        {
            answer = await api.GetStreamingAsync(ApiPath(context.Request.Query), cancellationToken);
        }
        catch (HttpRequestException)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        using (answer)
        {
            // A refusal (a problem document) passes on as it is, with its status.
            context.Response.StatusCode = (int)answer.StatusCode;
            context.Response.ContentType = answer.Content.Headers.ContentType?.ToString();
            if (answer.Content.Headers.ContentDisposition is { } disposition)
            {
                context.Response.Headers.ContentDisposition = disposition.ToString();
            }

            await answer.Content.CopyToAsync(context.Response.Body, cancellationToken);
        }
    }
}

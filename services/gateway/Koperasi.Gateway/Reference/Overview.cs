using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Koperasi.Gateway.Routing;

namespace Koperasi.Gateway.Reference;

/// <summary>
/// The first page of the API reference: an OpenAPI document of the gateway's own, without
/// operations, whose introduction says what each service behind the front door is for and how to
/// call it.
/// </summary>
internal static class Overview
{
    public const string Name = "overview";

    public const string DocumentPath = "/openapi/overview.json";

    // What each service of the platform is for; a service configured without an entry here is listed by name.
    private static readonly Dictionary<string, string> Purposes = new(StringComparer.Ordinal)
    {
        ["registry"] = "The register of the province's koperasi: registration with the legal-entity decree, "
            + "notifiable changes, RAT reports and the activity (aktif / tidak aktif) they decide, the "
            + "articles of association, statistics by regency, type and form, and bulk import from CSV.",
        ["transformation"] = "Cases that change the legal shape of koperasi: merger (penggabungan), amalgamation "
            + "(peleburan) and change of the articles of association, from the proposal through the members' "
            + "meetings, the deed and the ministry's ratification; the Registry then applies the approved case.",
        ["funding"] = "Dumisake working-capital grants to micro businesses: the year's programme and budget, "
            + "applications and their review, decree batches, disbursement through the bank, monitoring "
            + "visits, and reports against the RPJMD targets. Applicants' personal data stay in a vault.",
    };

    public static WebApplication MapOverview(this WebApplication app, IReadOnlyList<DownstreamService> downstream)
    {
        var document = Document(downstream).ToJsonString();
        app.MapGet(DocumentPath, () => Results.Text(document, "application/json", Encoding.UTF8))
            .ExcludeFromDescription()
            .AllowAnonymous();
        return app;
    }

    public static JsonObject Document(IReadOnlyList<DownstreamService> downstream) => new()
    {
        ["openapi"] = "3.1.1",
        ["info"] = new JsonObject
        {
            ["title"] = "Koperasi platform: overview",
            ["version"] = "1.0.0",
            ["description"] = Introduction(downstream),
        },
        ["servers"] = new JsonArray(new JsonObject { ["url"] = "/" }),
        ["paths"] = new JsonObject(),
    };

    public static string Title(DownstreamService service) =>
        CultureInfo.InvariantCulture.TextInfo.ToTitleCase(service.Name.Replace('-', ' '));

    private static string Introduction(IReadOnlyList<DownstreamService> downstream)
    {
        var text = new StringBuilder()
            .AppendLine("The platform of the Dinas Koperasi dan UKM of Jambi province: the register of the province's "
                + "cooperatives (koperasi), their legal transformations and the Dumisake grants, each kept by a "
                + "service of its own behind this front door. Choose a service in the list of documents to see its API.")
            .AppendLine();
        foreach (var service in downstream)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"## {Title(service)}")
                .AppendLine()
                .AppendLine(Purposes.GetValueOrDefault(service.Name, $"The {Title(service)} service."))
                .AppendLine()
                .AppendLine(CultureInfo.InvariantCulture, $"API under `/api/{service.Name}/`; its document is [`{service.DocumentPath}`]({service.DocumentPath.TrimStart('/')}).")
                .AppendLine();
        }

        return text
            .AppendLine("## Calling the APIs")
            .AppendLine()
            .AppendLine("Every call needs a bearer token of the province's identity provider (in development, from "
                + "`GET /dev/tokens/{role}`) whose role may make it: admin-provinsi, pembina, pendamping, verifikator, "
                + "auditor or service. A change sends back the `ETag` it read in `If-Match`. Errors are RFC 9457 "
                + "problem details (`application/problem+json`) naming the field or the rule.")
            .ToString();
    }
}

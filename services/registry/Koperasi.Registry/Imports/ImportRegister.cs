using System.Security.Claims;
using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Identity;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Koperasi.Registry.Imports;

/// <summary>
/// Upload an existing register as CSV. The file's shape is checked at once (a broken file is a
/// 400 naming the column or the row, and nothing is stored); its rows are imported in the
/// background, and the job shows the progress.
/// </summary>
public static class ImportRegister
{
    public const long MaxFileBytes = 50L * 1024 * 1024;

    private const string DefaultFileName = "register.csv";
    private static readonly string[] CsvMediaTypes = ["text/csv", "application/csv"];
    private static readonly string[] Utf8Charsets = ["utf-8", "utf8", "us-ascii"];

    public static void Map(RouteGroupBuilder imports) =>
        imports.MapPost("", Handle)
            .WithName("ImportRegister")
            .RequireAuthorization(RegistryPolicies.Write)
            .WithSummary("Import a register from CSV")
            .WithDescription("Send the CSV (UTF-8, comma or semicolon separated, columns as documented) as a text/csv body (optionally ?fileName=) or as multipart/form-data with the file in the field 'file', up to 50 MB. Answers 202 with the job; follow Location for its progress. Rows whose decree number is already registered change nothing, so importing a file again is safe.")
            .Accepts<string>("text/csv", "application/csv", "multipart/form-data")
            .WithMetadata(new RequestSizeLimitAttribute(MaxFileBytes))
            .Produces<ImportJob>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    private static async Task<Results<Accepted<ImportJob>, ValidationProblem, ProblemHttpResult>> Handle(
        HttpRequest request, ClaimsPrincipal user, IDocumentSession session, ICurrentActor actor, ImportQueue queue, TimeProvider clock,
        CancellationToken cancellationToken, string? fileName = null)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType))
        {
            return UnsupportedMediaType();
        }

        var isForm = mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase);
        if (!isForm && !CsvMediaTypes.Any(t => mediaType.MediaType.Equals(t, StringComparison.OrdinalIgnoreCase)))
        {
            return UnsupportedMediaType();
        }

        if (mediaType.Charset.HasValue && !Utf8Charsets.Any(c => mediaType.Charset.Equals(c, StringComparison.OrdinalIgnoreCase)))
        {
            return UnsupportedMediaType();
        }

        var upload = isForm ? await ReadFormFileAsync(request, cancellationToken) : (fileName, await ReadBoundedAsync(request.Body, cancellationToken), null);
        if (upload.Invalid is { } invalid)
        {
            return invalid;
        }

        if (upload.Bytes is not { } bytes)
        {
            return TooLarge();
        }

        var errors = new RequestValidation();
        var name = SafeFileName(upload.Name);
        errors.Check(name.Length <= 200, "fileName", "At most 200 characters.");
        if (!CsvFile.TryDecode(bytes.Span, out var text))
        {
            errors.Add("file", "The file is not UTF-8 text. In the spreadsheet, save it as \"CSV UTF-8\".");
        }

        var shape = errors.IsValid ? CsvFile.Check(text, errors) : null;
        if (shape is null || !errors.IsValid)
        {
            return errors.ToProblem();
        }

        IReadOnlyList<string>? scope = user.IsInRole(KoperasiRoles.AdminProvinsi) ? null : [.. user.Regencies().Order(StringComparer.Ordinal)];
        var job = ImportJob.Queued(Guid.CreateVersion7(), name, actor.Name, actor.Role, scope, clock.GetUtcNow(), shape.Rows);
        session.Store(job);
        session.Store(new ImportFile(job.Id, text));
        await session.SaveChangesAsync(cancellationToken);
        queue.Enqueue(job.Id);
        return TypedResults.Accepted($"/api/registry/imports/{job.Id}", job);
    }

    private static async Task<(string? Name, ReadOnlyMemory<byte>? Bytes, ValidationProblem? Invalid)> ReadFormFileAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException)
        {
            return (null, null, Problems.Validation("file", "The multipart/form-data body cannot be read."));
        }

        if (form.Files.GetFile("file") is not { } file)
        {
            return (null, null, Problems.Validation("file", "Required: send the CSV in the form field 'file'."));
        }

        if (file.Length > MaxFileBytes)
        {
            return (file.FileName, null, null);
        }

        await using var stream = file.OpenReadStream();
        return (file.FileName, await ReadBoundedAsync(stream, cancellationToken), null);
    }

    /// <summary>The whole content, or null when it is larger than <see cref="MaxFileBytes"/>.</summary>
    private static async Task<ReadOnlyMemory<byte>?> ReadBoundedAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxFileBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        // The buffer itself, not a copy: a 50 MB file is held once as bytes, then once as text.
        return new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static string SafeFileName(string? name) =>
        Path.GetFileName(name?.Trim().Trim('"') ?? "") is { Length: > 0 } safe ? safe : DefaultFileName;

    private static ProblemHttpResult UnsupportedMediaType() => TypedResults.Problem(
        detail: "Send the CSV as text/csv (UTF-8), or as multipart/form-data with the file in the field 'file'.",
        statusCode: StatusCodes.Status415UnsupportedMediaType,
        title: "Unsupported media type",
        type: Problems.TypePrefix + "unsupported-media-type",
        extensions: new Dictionary<string, object?> { ["field"] = "Content-Type" });

    private static ProblemHttpResult TooLarge() => TypedResults.Problem(
        detail: $"The file is larger than {MaxFileBytes / (1024 * 1024)} MB. Split it into smaller files; importing them one after another is safe.",
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Request body too large",
        type: Problems.TypePrefix + "body-too-large",
        extensions: new Dictionary<string, object?> { ["field"] = "body" });
}

using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Time;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Koperasi.Transformation.Dissolutions;

/// <summary>
/// Import the ministry's answers from a file (the exported batch with its answer columns filled in): the
/// file is taken whole or not at all, its errors named by spreadsheet row as the register import does.
/// </summary>
public static class ImportMinistryAnswers
{
    public const int MaxFileBytes = 5 * 1024 * 1024;

    private static readonly string[] CsvMediaTypes = ["text/csv", "application/csv"];

    public static void Map(RouteGroupBuilder batches) =>
        batches.MapPost("/{id:guid}/answers-file", Handle)
            .WithName("ImportMinistryAnswers")
            .WithSummary("Import the ministry's answers from a CSV file")
            .WithDescription("A text/csv body (UTF-8, comma or semicolon) with the columns cooperative_id and answer (approved, rejected, documents-needed, reverify), and decree_number, decree_date, reason, documents (separated by |) as the answer needs; the exported batch file filled in will do. Up to 5 MB. Row errors answer 400 naming the row; nothing is recorded. Needs If-Match.")
            .Accepts<string>("text/csv", "application/csv")
            .WithMetadata(new RequestSizeLimitAttribute(MaxFileBytes))
            .AsBatchStep()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    private static async Task<Results<Ok<DissolutionBatch>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, HttpRequest request, IDocumentSession session, HttpContext http, TimeProvider clock, IOptions<DissolutionOptions> options)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !CsvMediaTypes.Any(t => mediaType.MediaType.Equals(t, StringComparison.OrdinalIgnoreCase)))
        {
            return TypedResults.Problem(
                detail: "Send the answers as a text/csv body.", statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type");
        }

        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxFileBytes)
            {
                return TypedResults.Problem(
                    detail: $"The file is larger than {MaxFileBytes / (1024 * 1024)} MB.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "File too large");
            }

            buffer.Write(chunk, 0, read);
        }

        var file = BatchCsv.ReadAnswers(buffer.ToArray());
        var v = new RequestValidation();
        foreach (var error in file.Errors)
        {
            v.Add(error.Column is null ? $"row {error.Row}" : $"row {error.Row}.{error.Column}", error.Reason);
        }

        return await BatchSteps.ApplyAsync(id, http, session, v, batch =>
            BatchSteps.ReceiveAsync(batch, file.Answers, clock.Today(), session, options.Value, http.RequestAborted));
    }
}

namespace Koperasi.FakeMinistry;

/// <summary>
/// <c>POST /batches</c> registers a batch once per <c>Idempotency-Key</c>: the same key answers the batch
/// it registered (200), with another batch 422. <c>GET /batches/{reference}/answers</c> answers each
/// koperasi per the script; <c>GET /batches</c> lists what was registered.
/// </summary>
public static class BatchEndpoints
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public sealed record Registration(string Reference, Guid BatchId, int Proposals, DateTimeOffset ReceivedAt);

    public sealed record Answers(string Reference, IReadOnlyList<Answer> Items);

    public static void MapBatches(this WebApplication app)
    {
        app.MapPost("/batches", RegisterAsync);
        app.MapGet("/batches", (BatchRegistry registry) => TypedResults.Ok(registry.Batches));
        app.MapGet("/batches/{reference}/answers", AnswersAsync);
    }

    private static async Task<IResult> RegisterAsync(HttpContext http, BatchRequest request, BatchRegistry registry, Behaviour behaviour, TimeProvider clock)
    {
        var plan = behaviour.NextCall();
        if (await MisbehaveAsync(http, plan) is { } failed)
        {
            return failed;
        }

        var key = http.Request.Headers[IdempotencyKeyHeader].ToString();
        if (Invalid(key, request) is { } invalid)
        {
            return TypedResults.ValidationProblem(invalid);
        }

        var (batch, created) = registry.Register(key, request, clock.GetUtcNow());
        if (!created && !batch.IsSameBatchAs(request))
        {
            return TypedResults.Problem(
                title: "Idempotency key reused",
                detail: $"Key {key} registered another batch ({batch.Reference}).",
                statusCode: StatusCodes.Status422UnprocessableEntity,
                type: "urn:fake-ministry:problem:idempotency-key-reused");
        }

        await AnswerLateAsync(plan);
        var registration = new Registration(batch.Reference, batch.BatchId, batch.Proposals.Count, batch.ReceivedAt);
        return created ? TypedResults.Created($"/batches/{batch.Reference}", registration) : TypedResults.Ok(registration);
    }

    private static async Task<IResult> AnswersAsync(HttpContext http, string reference, BatchRegistry registry, Behaviour behaviour, Script script, TimeProvider clock)
    {
        var plan = behaviour.NextCall();
        if (await MisbehaveAsync(http, plan) is { } failed)
        {
            return failed;
        }

        if (registry.Find(reference) is not { } batch)
        {
            return TypedResults.Problem(title: "No such batch", detail: $"No batch {reference} was registered.", statusCode: StatusCodes.Status404NotFound);
        }

        await AnswerLateAsync(plan);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);
        return TypedResults.Ok(new Answers(batch.Reference, script.AnswersFor(batch, today)));
    }

    private static async Task<IResult?> MisbehaveAsync(HttpContext http, CallPlan plan)
    {
        if (plan.Delay > TimeSpan.Zero)
        {
            // A slow ministry: a client that gives up meanwhile has registered nothing.
            await Task.Delay(plan.Delay, http.RequestAborted);
        }

        return plan.FailWith is { } status
            ? TypedResults.Problem(title: "Ministry unavailable", detail: "The ministry could not process the request; try again.", statusCode: status)
            : null;
    }

    // The work is done, but the answer comes after the client stopped waiting, as a real server's may.
    private static Task AnswerLateAsync(CallPlan plan) =>
        plan.AnswerAfter > TimeSpan.Zero ? Task.Delay(plan.AnswerAfter, CancellationToken.None) : Task.CompletedTask;

    private static Dictionary<string, string[]>? Invalid(string key, BatchRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(key) || key.Length > 100)
        {
            errors[IdempotencyKeyHeader] = ["Required: at most 100 characters, one per batch."];
        }

        if (request.BatchId == Guid.Empty)
        {
            errors["batchId"] = ["Required."];
        }

        if (string.IsNullOrWhiteSpace(request.Title))
        {
            errors["title"] = ["Required."];
        }

        if (request.Proposals is not { Count: > 0 } proposals)
        {
            errors["proposals"] = ["At least one proposal."];
        }
        else if (proposals.Any(p => p.CooperativeId == Guid.Empty || string.IsNullOrWhiteSpace(p.RegencyCode)))
        {
            errors["proposals"] = ["Each proposal names its koperasi and regency."];
        }

        return errors.Count == 0 ? null : errors;
    }
}

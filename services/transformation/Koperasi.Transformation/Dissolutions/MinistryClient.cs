using System.Net;
using System.Text.Json;
using Koperasi.ServiceDefaults.Http;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Koperasi.Transformation.Dissolutions;

/// <summary>
/// The adapter to the ministry's dissolution API, through the resilience pipeline registered with
/// this client (<see cref="MinistryFeature"/>): <c>POST batches</c> with the batch's
/// <see cref="DissolutionBatch.IdempotencyKey"/>, so a retry after a lost answer registers nothing
/// twice, and <c>GET batches/{reference}/answers</c>.
/// </summary>
public sealed class MinistryClient(HttpClient http)
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    private sealed record ProposalRequest(Guid CaseId, Guid CooperativeId, string Name, string RegencyCode);

    private sealed record BatchRequest(Guid BatchId, string Title, IReadOnlyList<ProposalRequest> Proposals);

    private sealed record Registration(string? Reference);

    private sealed record AnswerItem(Guid CooperativeId, string? Kind, string? DecreeNumber, DateOnly? DecreeDate, string? Reason, IReadOnlyList<string>? Documents);

    private sealed record AnswersBody(IReadOnlyList<AnswerItem>? Items);

    private sealed record MinistryProblem(string? Title);

    /// <summary>Sends the batch (its proposals as they stand); the ministry registers it once under its key.</summary>
    public async Task<MinistryOutcome> SendBatchAsync(DissolutionBatch batch, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "batches")
        {
            Content = JsonContent.Create(new BatchRequest(
                batch.Id, batch.Title, [.. batch.Proposals.Select(p => new ProposalRequest(p.CaseId, p.CooperativeId, p.Name, p.RegencyCode))])),
        };
        request.Headers.Add(IdempotencyKeyHeader, batch.IdempotencyKey);
        return await CallAsync(request, async response =>
        {
            var registration = await response.Content.ReadFromJsonAsync<Registration>(cancellationToken);
            return registration?.Reference is { Length: > 0 } reference
                ? new MinistryOutcome.Registered(reference)
                : new MinistryOutcome.Failed($"The ministry answered HTTP {(int)response.StatusCode} without a batch reference.");
        }, cancellationToken);
    }

    /// <summary>The ministry's answers for a registered batch, one per koperasi it answered so far.</summary>
    public async Task<MinistryOutcome> AnswersAsync(string reference, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"batches/{Uri.EscapeDataString(reference)}/answers");
        return await CallAsync(request, async response =>
        {
            var body = await response.Content.ReadFromJsonAsync<AnswersBody>(cancellationToken);
            var answers = new List<MinistryAnswer>();
            foreach (var item in body?.Items ?? [])
            {
                if (KebabEnum.Parse<MinistryAnswerKind>(item.Kind, "kind", new RequestValidation()) is not { } kind)
                {
                    return new MinistryOutcome.Failed($"The ministry answered koperasi {item.CooperativeId} with an unknown kind of answer.");
                }

                answers.Add(new MinistryAnswer(item.CooperativeId, kind, item.DecreeNumber, item.DecreeDate, item.Reason, item.Documents ?? []));
            }

            return new MinistryOutcome.Answered(answers);
        }, cancellationToken);
    }

    private async Task<MinistryOutcome> CallAsync(HttpRequestMessage request, Func<HttpResponseMessage, Task<MinistryOutcome>> read, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode ? await read(response) : new MinistryOutcome.Failed(await RefusalAsync(response, cancellationToken));
        }
        catch (BrokenCircuitException)
        {
            return new MinistryOutcome.Unavailable();
        }
        catch (TimeoutRejectedException)
        {
            return new MinistryOutcome.Failed("The ministry did not answer in time, after every retry.");
        }
        catch (HttpRequestException exception)
        {
            return new MinistryOutcome.Failed($"The ministry could not be reached, after every retry ({exception.HttpRequestError}).");
        }
        catch (JsonException)
        {
            return new MinistryOutcome.Failed("The ministry's answer could not be read.");
        }
    }

    private static async Task<string> RefusalAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        string? title = null;
        try
        {
            title = (await response.Content.ReadFromJsonAsync<MinistryProblem>(cancellationToken))?.Title;
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException)
        {
            // Not a problem document: the status says enough.
        }

        var transient = response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500;
        var what = transient ? "The ministry kept failing, after every retry" : "The ministry refused the call";
        var said = title is { Length: > 0 } ? $": {(title.Length <= 200 ? title : title[..200])}" : "";
        return $"{what} (HTTP {(int)response.StatusCode}){said}.";
    }
}

/// <summary>What became of a call to the ministry.</summary>
public abstract record MinistryOutcome
{
    /// <summary>The batch is registered (now, or earlier under the same key) under the ministry's reference.</summary>
    public sealed record Registered(string Reference) : MinistryOutcome;

    /// <summary>The ministry's answers so far.</summary>
    public sealed record Answered(IReadOnlyList<MinistryAnswer> Answers) : MinistryOutcome;

    /// <summary>Not done, after the pipeline gave up: the officer sees why and may retry.</summary>
    public sealed record Failed(string Reason) : MinistryOutcome;

    /// <summary>Not asked: the circuit is open. The call waits for a later attempt.</summary>
    public sealed record Unavailable : MinistryOutcome;
}

using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Koperasi.Gateway.Routing;
using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Time;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Gateway.Development;

/// <summary>
/// Development only: moves the development clock of every replica of every service behind the gateway
/// at once (<c>POST /dev/clock</c> with <c>advanceDays</c>), so no service runs ahead of another: the
/// Registry refuses a change that takes effect after its today. It reads each replica's offset
/// (<c>GET /api/{service}/ops/clock</c>), takes the largest, and sets that plus <c>advanceDays</c> on
/// every replica (<c>PUT</c>), with the caller's token: the services admit the operators' role only.
/// The gateway's own clock stays real (it mints tokens, whose lifetimes are checked on the real clock);
/// the console's today (<c>HariIni</c>) follows the services'.
/// Like <c>/dev/tokens</c>, the route exists in Development only and answers callers on this machine only.
/// </summary>
internal static class DevelopmentClockFanOut
{
    /// <summary>How many days to move every service forward (1 to <see cref="DevelopmentClock.MaxOffsetDays"/>).</summary>
    public sealed record Request(int? AdvanceDays);

    /// <summary>One replica's clock after the move.</summary>
    public sealed record Replica(string Service, Uri Address, int OffsetDays, string Today);

    /// <summary>Every replica's clock after the move.</summary>
    public sealed record Moved(int OffsetDays, IReadOnlyList<Replica> Replicas);

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public static WebApplication MapDevelopmentClockFanOut(this WebApplication app, IReadOnlyList<DownstreamService> downstream)
    {
        if (app.Environment.IsDevelopment())
        {
            app.MapPost("/dev/clock", (Request? request, HttpContext http) => MoveAsync(request, http, downstream))
                .AddEndpointFilter(async (context, next) =>
                    DevelopmentTokens.IsLoopback(context.HttpContext.Connection.RemoteIpAddress) ? await next(context) : TypedResults.NotFound())
                .AllowAnonymous()
                .ExcludeFromDescription();
        }

        return app;
    }

    private static async Task<Results<Ok<Moved>, ValidationProblem, ProblemHttpResult>> MoveAsync(
        Request? request, HttpContext http, IReadOnlyList<DownstreamService> downstream)
    {
        if (request?.AdvanceDays is not { } days || days < 1 || days > DevelopmentClock.MaxOffsetDays)
        {
            return Problems.Validation("advanceDays", $"Required: how many days to move every service forward, 1 to {DevelopmentClock.MaxOffsetDays}.");
        }

        if (!AuthenticationHeaderValue.TryParse(http.Request.Headers.Authorization.ToString(), out var authorization)
            || !string.Equals(authorization.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(
                detail: "Send an operator's token (admin-provinsi, from /dev/tokens) in Authorization: Bearer; each service checks it.",
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Token required",
                type: Problems.TypePrefix + "token-required");
        }

        var replicas = downstream.SelectMany(s => s.Addresses.Select(a => (Service: s.Name, Address: a))).ToList();
        var offsets = new List<int>();
        foreach (var (service, address) in replicas)
        {
            var (read, problem) = await SendAsync(HttpMethod.Get, service, address, authorization, null, http.RequestAborted);
            if (problem is not null)
            {
                return problem;
            }

            offsets.Add(read!["offsetDays"]!.GetValue<int>());
        }

        var target = (offsets.Count == 0 ? 0 : offsets.Max()) + days;
        var moved = new List<Replica>();
        foreach (var (service, address) in replicas)
        {
            var (answer, problem) = await SendAsync(HttpMethod.Put, service, address, authorization, new JsonObject { ["offsetDays"] = target }, http.RequestAborted);
            if (problem is not null)
            {
                return problem;
            }

            moved.Add(new Replica(service, address, answer!["offsetDays"]!.GetValue<int>(), answer["today"]!.GetValue<string>()));
        }

        // The console pre-fills its forms' dates with the services' today from now on.
        http.RequestServices.GetService<Koperasi.Console.Formatting.HariIni>()?.ServicesAt(target);
        return TypedResults.Ok(new Moved(target, moved));
    }

    private static async Task<(JsonObject? Answer, ProblemHttpResult? Problem)> SendAsync(
        HttpMethod method, string service, Uri address, AuthenticationHeaderValue authorization, JsonObject? body, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(method, new Uri(address, $"/api/{service}/ops/clock"));
        message.Headers.Authorization = authorization;
        if (body is not null)
        {
            message.Content = JsonContent.Create(body);
        }

        try
        {
            using var response = await Http.SendAsync(message, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return (await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken), null);
            }

            var status = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.Conflict
                ? (int)response.StatusCode
                : StatusCodes.Status502BadGateway;
            return (null, Failed(status, service, address, $"answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}"));
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            return (null, Failed(StatusCodes.Status502BadGateway, service, address, "did not answer: " + exception.Message));
        }
    }

    private static ProblemHttpResult Failed(int status, string service, Uri address, string what) =>
        TypedResults.Problem(
            detail: $"The {service} replica at {address} {what} Clocks already moved stay moved; fix it and move again.",
            statusCode: status,
            title: "A service's clock was not moved",
            type: Problems.TypePrefix + "clock-not-moved",
            extensions: new Dictionary<string, object?> { ["service"] = service });
}

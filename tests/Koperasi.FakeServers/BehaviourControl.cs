namespace Koperasi.FakeServers;

/// <summary>
/// What a test (or someone trying <c>./run.sh</c>) tells a fake server: fail the next N calls,
/// delay every call, "time out" the next N (do the work, then answer late), or behave again.
/// </summary>
public static class BehaviourControl
{
    public sealed record Failures(int Count, int StatusCode = StatusCodes.Status503ServiceUnavailable);

    public sealed record Delay(int Milliseconds);

    public sealed record Timeouts(int Count, int Milliseconds);

    /// <summary>
    /// Maps <c>/control</c> with its behaviour endpoints and returns the group, for a server's own
    /// controls; <paramref name="alsoOnReset"/> resets what the server keeps besides the behaviour.
    /// </summary>
    public static RouteGroupBuilder MapBehaviourControl(this WebApplication app, Action<IServiceProvider>? alsoOnReset = null)
    {
        var control = app.MapGroup("/control");
        control.MapGet("", (Behaviour behaviour) => TypedResults.Ok(behaviour.State));
        control.MapPost("/failures", (Failures request, Behaviour behaviour) =>
        {
            if (request.Count < 0 || request.StatusCode is < 500 or > 599)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["failures"] = ["count ≥ 0 and a 5xx statusCode."] });
            }

            behaviour.FailNext(request.Count, request.StatusCode);
            return Results.Ok(behaviour.State);
        });
        control.MapPost("/delay", (Delay request, Behaviour behaviour) =>
        {
            if (request.Milliseconds < 0)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["milliseconds"] = ["At least 0."] });
            }

            behaviour.DelayEvery(TimeSpan.FromMilliseconds(request.Milliseconds));
            return Results.Ok(behaviour.State);
        });
        control.MapPost("/timeouts", (Timeouts request, Behaviour behaviour) =>
        {
            if (request.Count < 0 || request.Milliseconds < 0)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["timeouts"] = ["count and milliseconds at least 0."] });
            }

            behaviour.TimeOutNext(request.Count, TimeSpan.FromMilliseconds(request.Milliseconds));
            return Results.Ok(behaviour.State);
        });
        control.MapPost("/reset", (Behaviour behaviour, IServiceProvider services) =>
        {
            behaviour.Reset();
            alsoOnReset?.Invoke(services);
            return Results.Ok(behaviour.State);
        });
        return control;
    }
}

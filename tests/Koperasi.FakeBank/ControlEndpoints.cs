namespace Koperasi.FakeBank;

/// <summary>
/// What a test (or someone trying <c>./run.sh</c>) tells the bank: fail the next N transfer calls,
/// delay every call, "time out" the next N (pay, then answer late), or behave again.
/// </summary>
public static class ControlEndpoints
{
    public sealed record Failures(int Count, int StatusCode = StatusCodes.Status503ServiceUnavailable);

    public sealed record Delay(int Milliseconds);

    public sealed record Timeouts(int Count, int Milliseconds);

    public static void MapControl(this WebApplication app)
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
        control.MapPost("/reset", (Behaviour behaviour) =>
        {
            behaviour.Reset();
            return Results.Ok(behaviour.State);
        });
    }
}

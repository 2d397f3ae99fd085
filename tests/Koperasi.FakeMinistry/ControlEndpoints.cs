namespace Koperasi.FakeMinistry;

/// <summary>
/// What a test (or someone trying <c>./run.sh</c>) tells the ministry: how to answer each koperasi
/// (the script), fail the next N calls, delay every call, "time out" the next N (do the work, then
/// answer late), or behave again.
/// </summary>
public static class ControlEndpoints
{
    public sealed record Failures(int Count, int StatusCode = StatusCodes.Status503ServiceUnavailable);

    public sealed record Delay(int Milliseconds);

    public sealed record Timeouts(int Count, int Milliseconds);

    public sealed record ScriptRequest(ScriptedAnswer? Default, Dictionary<Guid, ScriptedAnswer>? ByCooperative, List<Answer>? Extra);

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
        control.MapPost("/script", (ScriptRequest request, Script script) =>
        {
            var kinds = new[] { request.Default?.Kind }.Concat(request.ByCooperative?.Values.Select(a => a.Kind) ?? []).Concat(request.Extra?.Select(a => a.Kind) ?? []);
            if (kinds.Any(k => k is not null && !Script.Kinds.Contains(k)))
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["kind"] = [$"One of: {string.Join(", ", Script.Kinds)}."] });
            }

            script.Set(request.Default, request.ByCooperative, request.Extra);
            return Results.NoContent();
        });
        control.MapPost("/reset", (Behaviour behaviour, Script script) =>
        {
            behaviour.Reset();
            script.Reset();
            return Results.Ok(behaviour.State);
        });
    }
}

namespace Koperasi.FakeMinistry;

/// <summary>
/// What a test (or someone trying <c>./run.sh</c>) tells the ministry: how to answer each koperasi
/// (the script), besides the shared behaviour controls (<see cref="BehaviourControl"/>); a reset
/// also forgets the script.
/// </summary>
public static class ControlEndpoints
{
    public sealed record ScriptRequest(ScriptedAnswer? Default, Dictionary<Guid, ScriptedAnswer>? ByCooperative, List<Answer>? Extra);

    public static void MapControl(this WebApplication app)
    {
        var control = app.MapBehaviourControl(services => services.GetRequiredService<Script>().Reset());
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
    }
}

using System.Collections;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Identity;
using Koperasi.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;

namespace Koperasi.ServiceDefaults.Tests.PersonalData;

/// <summary>
/// A service that handles NIKs carelessly: it logs them as structured values, interpolated, in
/// scopes and in exceptions, tags spans with them and echoes them in a validation problem. The
/// platform's defaults must keep every one of them out of what leaves the process.
/// </summary>
internal static class CarelessApplications
{
    public sealed record Apply(string Nik, string Name);

    public static readonly ActivitySource Source = new("Koperasi.Tests.PersonalData");

    public static void Map(WebApplication app)
    {
        var seen = new HashSet<string>();
        app.MapPost("/applications", (Apply request, ILogger<Apply> logger) =>
        {
            logger.LogInformation("Application received from {Nik}", request.Nik);
#pragma warning disable CA2254 // Logging a NIK the careless way is what this service is for.
            logger.LogInformation($"Applicant {request.Name} has NIK {request.Nik}");
#pragma warning restore CA2254
            using (logger.BeginScope("Applicant {Nik}", request.Nik))
            using (logger.BeginScope(new Dictionary<string, object?> { ["applicant.nik"] = request.Nik }))
            {
                logger.LogWarning("Checking eligibility");
            }

            Activity.Current?.SetTag("applicant.nik", request.Nik);
            using (var check = Source.StartActivity($"check {request.Nik}"))
            {
                check?.SetTag("applicant.nik", request.Nik);
                check?.SetTag("applicant.nik.number", long.Parse(request.Nik.Replace(" ", "", StringComparison.Ordinal), CultureInfo.InvariantCulture));
                check?.AddException(new InvalidOperationException($"Duplicate check failed for {request.Nik}"));
                check?.SetStatus(ActivityStatusCode.Error, $"NIK {request.Nik} rejected");
            }

            using (var note = Source.StartActivity("note applicant"))
            {
                note?.AddEvent(new ActivityEvent("applicant noted", tags: new ActivityTagsCollection { ["applicant.nik"] = request.Nik }));
            }

            lock (seen)
            {
                if (!seen.Add(request.Nik))
                {
                    return Problems.Validation("nik", $"NIK {request.Nik} has already applied this year.");
                }
            }

            throw new InvalidOperationException($"Could not store the application of {request.Nik}");
        });
        app.MapGet("/applications", (int year) => year);
    }
}

public sealed class NikFlowTests : IAsyncLifetime
{
    private readonly CapturedLogs _logs = new();
    private readonly ExportedSpans _spans = [];
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Configuration["Auth:Issuer"] = TestTokens.Issuer;
        builder.Configuration["Auth:Audience"] = TestTokens.Audience;
        builder.Configuration["Auth:SigningKey"] = TestTokens.SigningKey;
        builder.AddServiceDefaults("nik-flow");
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Logging.AddProvider(_logs);
        builder.Services.AddOpenTelemetry().WithTracing(tracing => tracing.AddInMemoryExporter(_spans));
        _app = builder.Build();
        _app.UseServiceDefaults();
        CarelessApplications.Map(_app);
        await _app.StartAsync();
        _client = _app.GetTestClient().As(KoperasiRoles.AdminProvinsi);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task A_NIK_carried_end_to_end_leaves_no_16_digit_run_in_logs_spans_or_problems()
    {
        var failed = await _client.PostAsJsonAsync("/applications", new CarelessApplications.Apply(SyntheticNik.Man, "Budi"));
        var echoed = await _client.PostAsJsonAsync("/applications", new CarelessApplications.Apply(SyntheticNik.Man, "Budi"));
        var typed = await _client.PostAsJsonAsync("/applications", new CarelessApplications.Apply("1571 0145 0790 0002", "Siti"));
        var bound = await _client.GetAsync(new Uri($"/applications?year={SyntheticNik.Woman}", UriKind.Relative));

        failed.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        echoed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        typed.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        bound.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var bodies = await Task.WhenAll(new[] { failed, echoed, typed, bound }.Select(WithoutTraceIdAsync));
        foreach (var body in bodies)
        {
            body.ShouldNotMatch(SyntheticNik.SixteenDigitRun);
            body.ShouldNotContain("0145 0790");
        }

        bodies[1].ShouldContain($"NIK {SyntheticNik.ManMasked} has already applied this year.");
        bodies[3].ShouldContain("year"); // a binding error names the parameter and repeats no value

        await Eventually.UntilAsync(() => Task.FromResult(ServerSpans().Count == 4), "the four server spans");
        var spans = SpanText();
        spans.ShouldNotMatch(SyntheticNik.SixteenDigitRun);
        spans.ShouldNotContain("0145 0790");
        spans.ShouldContain($"check {SyntheticNik.ManMasked}");
        spans.ShouldContain($"applicant.nik={SyntheticNik.ManMasked}");
        spans.ShouldContain($"applicant.nik.number={SyntheticNik.ManMasked}");
        spans.ShouldContain($"exception.message=Duplicate check failed for {SyntheticNik.ManMasked}");
        spans.ShouldContain($"status=NIK {SyntheticNik.ManMasked} rejected");
        _spans.ShouldNotContain(s => s.DisplayName == "note applicant", "a span whose event holds a NIK is not exported");

        var logs = _logs.AllText;
        logs.ShouldNotMatch(SyntheticNik.SixteenDigitRun);
        logs.ShouldNotContain("0145 0790");
        var records = _logs.Records;
        records.ShouldContain(r => r.Values.Contains(new KeyValuePair<string, string>("Nik", SyntheticNik.ManMasked)), "the structured value");
        records.ShouldContain(r => r.Message == $"Applicant Budi has NIK {SyntheticNik.ManMasked}", "the interpolated message");
        records.ShouldContain(r => r.Scopes.Contains($"Applicant {SyntheticNik.ManMasked}"), "the scope");
        records.ShouldContain(r => r.Message == $"Applicant Siti has NIK {SyntheticNik.WomanMasked}", "the NIK typed in groups");
        records.ShouldContain(
            r => r.Exception != null && r.Exception.Contains($"InvalidOperationException: Could not store the application of {SyntheticNik.ManMasked}"),
            "the exception the framework logged");
    }

    // The trace id is random hex the platform adds, left as it is: now and then 16 of its digits in a row are decimal.
    private static async Task<string> WithoutTraceIdAsync(HttpResponseMessage response)
    {
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!.AsObject();
        problem.Remove("traceId").ShouldBeTrue();
        return problem.ToJsonString();
    }

    // The server spans of this host's four requests: ASP.NET Core's activity source is process-wide, so
    // the provider also hears the requests of the other test classes' hosts running at the same time.
    private List<Activity> ServerSpans() => [.. _spans.Where(s => s.Kind == ActivityKind.Server && s.GetTagItem("url.path") as string == "/applications")];

    // What an exporter sends of a span: its name, status, tags and the names and tags of its events
    // and links; only the spans of this host's requests (other tests' hosts share the process).
    private string SpanText()
    {
        var traces = ServerSpans().Select(s => s.TraceId).ToHashSet();
        return string.Join("\n---\n", _spans.Where(s => traces.Contains(s.TraceId)).Select(span => string.Join("\n",
        [
            span.DisplayName,
            $"status={span.StatusDescription}",
            .. span.TagObjects.Select(Pair),
            .. span.Events.SelectMany(e => (IEnumerable<string>)[e.Name, .. e.Tags.Select(Pair)]),
            .. span.Links.SelectMany(l => l.Tags?.Select(Pair) ?? []),
        ])));
    }

    private static string Pair(KeyValuePair<string, object?> tag) => $"{tag.Key}={Text(tag.Value)}";

    private static string Text(object? value) => value switch
    {
        string s => s,
        IEnumerable items => string.Join(",", items.Cast<object?>().Select(Text)),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}

/// <summary>The in-memory exporter's store, safe to read while the exporter adds to it.</summary>
internal sealed class ExportedSpans : ICollection<Activity>
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<Activity> _spans = new();

    public int Count => _spans.Count;

    public bool IsReadOnly => false;

    public void Add(Activity item) => _spans.Enqueue(item);

    public void Clear() => _spans.Clear();

    public bool Contains(Activity item) => _spans.Contains(item);

    public void CopyTo(Activity[] array, int arrayIndex) => _spans.CopyTo(array, arrayIndex);

    public bool Remove(Activity item) => throw new NotSupportedException();

    public IEnumerator<Activity> GetEnumerator() => ((IEnumerable<Activity>)[.. _spans]).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

extern alias registry;

using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koperasi.ServiceDefaults.Identity;
using Koperasi.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Koperasi.EndToEnd.Tests;

/// <summary>
/// deploy/subscriber.sh, run as an operator runs it against the broker's management API, in a vhost
/// of the test's own (<see cref="OwnVirtualHost"/>).
/// </summary>
public static class SubscriberScript
{
    /// <summary>A subscriber's name, unique per run: lower-case letters and digits.</summary>
    public static string NewName(string stem) =>
        stem + TestInfrastructure.RunId.ToLowerInvariant().Replace("-", "", StringComparison.Ordinal) + Convert.ToHexString(Guid.NewGuid().ToByteArray()[..2]).ToLowerInvariant();

    /// <summary><c>deploy/subscriber.sh add &lt;name&gt;</c>: the password it prints.</summary>
    public static async Task<string> AddAsync(string name, string vhost)
    {
        var output = await RunAsync("add", name, vhost);
        output.ShouldContain($"user={name}");
        output.ShouldContain($"vhost={vhost}");
        output.ShouldContain($"queue_prefix={name}-");
        return output.Split('\n').Single(l => l.StartsWith("password=", StringComparison.Ordinal))["password=".Length..].Trim();
    }

    public static Task RemoveAsync(string name, string vhost) => RunAsync("remove", name, vhost);

    private static async Task<string> RunAsync(string action, string name, string vhost)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(SourceTree.Root, "deploy", "subscriber.sh"), action, name])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["KOPERASI_RABBITMQ_HOST"] = TestInfrastructure.RabbitMqHost;
        start.Environment["KOPERASI_RABBITMQ_MANAGEMENT_PORT"] = TestInfrastructure.RabbitMqManagementPort.ToString(CultureInfo.InvariantCulture);
        start.Environment["KOPERASI_RABBITMQ_ADMIN_USER"] = TestInfrastructure.RabbitMqAdminUser;
        start.Environment["KOPERASI_RABBITMQ_ADMIN_PASSWORD"] = TestInfrastructure.RabbitMqAdminPassword;
        start.Environment["KOPERASI_RABBITMQ_VHOST"] = vhost;
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, error);
        return output;
    }

    /// <summary>A token of role service named <paramref name="name"/>, as the Dinas's identity provider issues one to a subscriber.</summary>
    public static string Token(string name) =>
        new TokenIssuer(TestTokens.Settings(), TimeProvider.System).Issue(name, KoperasiRoles.Service, null, TimeSpan.FromDays(1), DateTimeOffset.UtcNow.AddMinutes(-5));
}

/// <summary>
/// The Node.js reference subscriber (samples/regency-activity-subscriber) as a process, onboarded by
/// deploy/subscriber.sh in the platform's vhost, with a service token of its name; the Registry (in
/// this process) answers it through a loopback front door. Its table and status over HTTP.
/// </summary>
public sealed class ReferenceSubscriber : IAsyncDisposable
{
    private readonly string _name = SubscriberScript.NewName("ref");
    private readonly string _state = Path.Combine(Path.GetTempPath(), $"koperasi-{Guid.NewGuid():N}.json");
    private readonly string _vhost;
    private WebApplication? _front;
    private Process? _node;
    private HttpClient? _table;
    private HttpClient? _registry;
    private bool _onboarded;

    private ReferenceSubscriber(string vhost) => _vhost = vhost;

    public static string Sample => Path.Combine(SourceTree.Root, "samples", "regency-activity-subscriber");

    /// <summary>Onboards the subscriber and starts it: it binds its queue, asks the replay of the whole history and follows the live flow.</summary>
    public static async Task<ReferenceSubscriber> StartAsync(OwnVirtualHost vhost, ServiceHost<registry::Program> registry)
    {
        await EnsureNodePackagesAsync();
        var subscriber = new ReferenceSubscriber(vhost.Name);
        try
        {
            var password = await SubscriberScript.AddAsync(subscriber._name, vhost.Name);
            subscriber._onboarded = true;
            await subscriber.StartProcessAsync(password, registry);
            return subscriber;
        }
        catch
        {
            await subscriber.DisposeAsync();
            throw;
        }
    }

    /// <summary>Its status: messages applied, koperasi kept, highest sequence, the replay's progress.</summary>
    public async Task<JsonObject> StatusAsync() => (await _table!.GetFromJsonAsync<JsonObject>("/status"))!;

    /// <summary>Its table on a date as "regency|activity|count" cells.</summary>
    public async Task<HashSet<string>> TableAsync(string date) =>
        [.. (await _table!.GetFromJsonAsync<JsonObject>($"/table?asOf={date}"))!["rows"]!.AsArray()
            .Select(r => $"{Api.Text(r!["regencyCode"])}|{Api.Text(r["activity"])}|{r["count"]!.GetValue<long>()}")];

    /// <summary>The Registry's statistics on a date as "regency|activity|count" cells (empty cells left out, as the subscriber has none).</summary>
    public static async Task<HashSet<string>> RegistryTableAsync(HttpClient registry, string date) =>
        [.. (await Api.GetAsync(registry, $"/api/registry/statistics?asOf={date}&groupBy=regency,activity"))["rows"]!.AsArray()
            .Where(r => r!["count"]!.GetValue<long>() > 0)
            .Select(r => $"{Api.Text(r!["regencyCode"])}|{Api.Text(r["activity"])}|{r["count"]!.GetValue<long>()}")];

    private async Task StartProcessAsync(string password, ServiceHost<registry::Program> host)
    {
        // A client of its own: the subscriber's requests carry the subscriber's token only.
        var registry = _registry = host.CreateClient();
        registry.DefaultRequestHeaders.Authorization = null;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _front = builder.Build();
        _front.Run(async context =>
        {
            using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), context.Request.Path + context.Request.QueryString);
            if (context.Request.ContentLength is > 0 || context.Request.Headers.ContentType.Count > 0)
            {
                request.Content = new StreamContent(context.Request.Body);
                request.Content.Headers.TryAddWithoutValidation("Content-Type", context.Request.ContentType);
            }

            request.Headers.TryAddWithoutValidation("Authorization", context.Request.Headers.Authorization.ToString());
            using var response = await registry.SendAsync(request, context.RequestAborted);
            context.Response.StatusCode = (int)response.StatusCode;
            context.Response.ContentType = response.Content.Headers.ContentType?.ToString();
            await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
        });
        await _front.StartAsync();

        var start = new ProcessStartInfo("node", [Path.Combine(Sample, "subscriber.js")])
        {
            WorkingDirectory = Sample,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["KOPERASI_SUBSCRIBER_NAME"] = _name;
        start.Environment["KOPERASI_AMQP_URL"] = $"amqp://{_name}:{Uri.EscapeDataString(password)}@{TestInfrastructure.RabbitMqHost}:{TestInfrastructure.RabbitMqPort}/{Uri.EscapeDataString(_vhost)}";
        start.Environment["KOPERASI_REGISTRY_URL"] = _front.Urls.First();
        start.Environment["KOPERASI_TOKEN"] = SubscriberScript.Token(_name);
        start.Environment["KOPERASI_STATE_FILE"] = _state;
        start.Environment["KOPERASI_HTTP_PORT"] = "0";
        _node = Process.Start(start)!;
        var errors = new System.Text.StringBuilder();
        _node.ErrorDataReceived += (_, e) => { lock (errors) { errors.AppendLine(e.Data); } };
        _node.BeginErrorReadLine();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        _node.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.StartsWith("listening on ", StringComparison.Ordinal) == true)
            {
                listening.TrySetResult(new Uri(e.Data["listening on ".Length..]));
            }
        };
        _node.BeginOutputReadLine();
        var started = await Task.WhenAny(listening.Task, _node.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(60)));
        if (started != listening.Task)
        {
            lock (errors)
            {
                throw new InvalidOperationException($"The subscriber did not start: {errors}");
            }
        }

        _table = new HttpClient { BaseAddress = await listening.Task };
    }

    /// <summary>npm ci in the sample when its packages are missing (the registry serves npm); without npm the test skips, or fails under CI.</summary>
    private static async Task EnsureNodePackagesAsync()
    {
        if (File.Exists(Path.Combine(Sample, "node_modules", "amqplib", "package.json")))
        {
            return;
        }

        try
        {
            using var npm = Process.Start(new ProcessStartInfo("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"]) { WorkingDirectory = Sample, RedirectStandardError = true })!;
            var error = await npm.StandardError.ReadToEndAsync();
            await npm.WaitForExitAsync();
            npm.ExitCode.ShouldBe(0, error);
        }
        catch (System.ComponentModel.Win32Exception) when (!OpenApiLint.Required)
        {
            Assert.Skip("npm is not installed: the reference subscriber's packages cannot be installed.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_node is { HasExited: false })
        {
            _node.Kill(entireProcessTree: true);
            await _node.WaitForExitAsync();
        }

        _node?.Dispose();
        _table?.Dispose();
        _registry?.Dispose();
        if (_front is not null)
        {
            await _front.DisposeAsync();
        }

        if (_onboarded)
        {
            await SubscriberScript.RemoveAsync(_name, _vhost);
        }

        File.Delete(_state);
        File.Delete(_state + ".tmp");
    }
}

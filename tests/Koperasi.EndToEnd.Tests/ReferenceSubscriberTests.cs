extern alias registry;
extern alias transformation;

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koperasi.ServiceDefaults.Identity;
using Koperasi.ServiceDefaults.Messaging;
using Koperasi.ServiceDefaults.Regions;
using Koperasi.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using RabbitMQ.Client;

namespace Koperasi.EndToEnd.Tests;

/// <summary>
/// The events suffice: the Node.js reference subscriber (samples/regency-activity-subscriber), onboarded
/// with deploy/subscriber.sh and started after the first facts (so it needs the replay to one
/// subscriber), keeps from the Registry's events alone the count of koperasi per regency and activity
/// that the Registry's statistics give, cell by cell, on several dates, through registrations, late
/// RATs that correct activity histories, and a merger that dissolves two koperasi.
/// The platform runs in a broker vhost of its own without a name prefix, so the subscriber's broker
/// user has exactly the permissions deploy/subscriber.sh gives in production.
/// </summary>
public sealed class ReferenceSubscriberTests : IAsyncLifetime
{
    private static readonly string[] Dates = ["2016-12-31", "2019-06-30", "2021-12-31", "2023-06-30", "2024-12-31", "2025-03-31", "2025-04-01", "2026-11-22"];
    private static readonly Cases.Dates MergerDates = new(2025);

    private readonly string _vhost = $"{TestInfrastructure.RunId}-subscriber";
    private readonly string _name = "ref" + TestInfrastructure.RunId.ToLowerInvariant().Replace("-", "", StringComparison.Ordinal);
    private readonly string _state = Path.Combine(Path.GetTempPath(), $"koperasi-{Guid.NewGuid():N}.json");
    private ServiceHost<registry::Program> _registry = null!;
    private ServiceHost<transformation::Program> _transformation = null!;
    private WebApplication? _front;
    private Process? _node;
    private bool _onboarded;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        using var admin = BrokerAdmin.CreateClient();
        var vhost = Uri.EscapeDataString(_vhost);
        (await admin.PutAsJsonAsync($"vhosts/{vhost}", new { }, Cancellation)).EnsureSuccessStatusCode();
        foreach (var user in new[] { TestInfrastructure.RabbitMqAdminUser, TestInfrastructure.BrokerCredentials("registry").User, TestInfrastructure.BrokerCredentials("transformation").User })
        {
            (await admin.PutAsJsonAsync($"permissions/{vhost}/{Uri.EscapeDataString(user)}", new { configure = ".*", write = ".*", read = ".*" }, Cancellation)).EnsureSuccessStatusCode();
        }

        // As provisioning does: every contract's exchange exists before anyone binds to it.
        await using (var connection = await ConnectAsAdminAsync())
        await using (var channel = await connection.CreateChannelAsync(cancellationToken: Cancellation))
        {
            foreach (var exchange in new[] { "registry", "transformation", "funding" }.SelectMany(AsyncApiDocument.ContractsOf).Select(AsyncApiDocument.Exchange))
            {
                await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: Cancellation);
            }
        }

        _registry = Hosts.Registry("refsub").With("RabbitMq:VirtualHost", _vhost).With("RabbitMq:EntityPrefix", "").With("SubscriberReplay:PollInterval", "00:00:00.200");
        _transformation = Hosts.Transformation("refsub").With("RabbitMq:VirtualHost", _vhost).With("RabbitMq:EntityPrefix", "");
        await Hosts.StartAsync(_transformation);
        await Hosts.StartAsync(_registry);
    }

    public async ValueTask DisposeAsync()
    {
        if (_node is { HasExited: false })
        {
            _node.Kill(entireProcessTree: true);
            await _node.WaitForExitAsync();
        }

        _node?.Dispose();
        if (_front is not null)
        {
            await _front.DisposeAsync();
        }

        await _registry.DisposeAsync();
        await _transformation.DisposeAsync();
        if (_onboarded)
        {
            await RunScriptAsync("remove");
        }

        using var admin = BrokerAdmin.CreateClient();
        using var _ = await admin.DeleteAsync(new Uri($"vhosts/{Uri.EscapeDataString(_vhost)}", UriKind.Relative));
        File.Delete(_state);
    }

    [Fact]
    public async Task The_subscriber_started_late_counts_per_regency_and_activity_as_the_registry_does_on_every_date()
    {
        var sample = Path.Combine(SourceTree.Root, "samples", "regency-activity-subscriber");
        await EnsureNodePackagesAsync(sample);
        var registry = _registry.CreateClient();
        var transformation = _transformation.CreateClient();
        var regencies = Regencies.All.Select(r => r.Code).ToArray();

        // The first facts, before the subscriber exists: some hundreds of koperasi, aktif or without RATs.
        var withoutRats = new List<(Guid Id, int Founded)>();
        for (var i = 0; i < 240; i++)
        {
            var id = await RegisterAsync(registry, i, regencies[i % regencies.Length]);
            if (i % 4 == 3)
            {
                withoutRats.Add((id, FoundedIn(i)));
            }
        }

        // Onboarding (deploy/subscriber.sh add), then the subscriber starts late: it binds, asks the replay, follows the live flow.
        var password = await OnboardAsync();
        var table = await StartSubscriberAsync(sample, password);

        // Meanwhile the register goes on: registrations, late RATs that correct histories, a merger.
        for (var i = 240; i < 300; i++)
        {
            await RegisterAsync(registry, i, regencies[i % regencies.Length]);
        }

        // RATs reported years after they were held: one held before the koperasi became tidak aktif
        // corrects its history (cooperative-activity-corrected); a later one makes it aktif again from then.
        var late = withoutRats.Where(k => k.Founded <= 2018).Take(24).ToList();
        late.Count.ShouldBe(24);
        for (var n = 0; n < late.Count; n++)
        {
            var koperasi = await Register.ReadAsync(registry, late[n].Id);
            var rat = n % 2 == 0 ? Register.Rat(2019, "2020-03-01", 30) : Register.Rat(2022, "2023-05-20", 30);
            await Api.SendAsync(registry, HttpMethod.Post, $"{Register.Cooperatives}/{late[n].Id}/rat-reports", rat, HttpStatusCode.Created, koperasi["version"]!.GetValue<long>());
        }

        var tag = $"Ref {Guid.NewGuid():N}"[..12];
        var survivor = await Register.RegisterAsync(registry, Register.Koperasi($"Koperasi {tag} Induk", 60, regency: "1504"));
        var first = await Register.RegisterAsync(registry, Register.Koperasi($"Koperasi {tag} Satu", 40, regency: "1504"));
        var second = await Register.RegisterAsync(registry, Register.Koperasi($"Koperasi {tag} Dua", 25, regency: "1505"));
        await Cases.KnownAsync(transformation, (survivor, $"Koperasi {tag} Induk"), (first, $"Koperasi {tag} Satu"), (second, $"Koperasi {tag} Dua"));
        var proposal = new JsonObject { ["survivorId"] = survivor, ["absorbedIds"] = new JsonArray(first, second) };
        var deeded = await Cases.ToDeedAsync(transformation, "mergers", proposal, [survivor, first, second], MergerDates);
        await Cases.UntilStateAsync(transformation, await Cases.RatifyAsync(transformation, deeded, MergerDates), "completed");
        (await Register.HistoryAsync(registry, first))[^1].ShouldBe("cooperative-dissolved");

        // Both sides are eventually consistent: wait until they agree on every date, then compare cell by cell.
        using var subscriber = new HttpClient { BaseAddress = table };
        await AgreedOrTimedOutAsync(() => Eventually.UntilAsync(
            async () =>
            {
                var status = await subscriber.GetFromJsonAsync<JsonObject>("/status");
                if (status!["replay"]?["status"]?.GetValue<string>() != "completed")
                {
                    return false;
                }

                foreach (var date in Dates)
                {
                    if (!(await RegistryTableAsync(registry, date)).SetEquals(await SubscriberTableAsync(subscriber, date)))
                    {
                        return false;
                    }
                }

                return true;
            },
            "the subscriber's table to equal the Registry's statistics on every date",
            TimeSpan.FromSeconds(90)));
        (await subscriber.GetFromJsonAsync<JsonObject>("/status"))!["replay"]!["status"]!.GetValue<string>().ShouldBe("completed");

        foreach (var date in Dates)
        {
            var expected = await RegistryTableAsync(registry, date);
            (await SubscriberTableAsync(subscriber, date)).OrderBy(c => c).ShouldBe(expected.OrderBy(c => c), $"on {date}");
        }

        // The dates tell things apart: the merger, the late RATs and the registrations all show.
        (await RegistryTableAsync(registry, "2025-03-31")).SetEquals(await RegistryTableAsync(registry, "2025-04-01")).ShouldBeFalse();
        (await RegistryTableAsync(registry, "2016-12-31")).Count.ShouldBeGreaterThan(0);
        (await RegistryTableAsync(registry, "2023-06-30")).ShouldContain(c => c.EndsWith("|tidak-aktif", StringComparison.Ordinal) || c.Contains("|tidak-aktif|", StringComparison.Ordinal));
    }

    /// <summary>Koperasi <paramref name="i"/>: decree dates spread over 2015–2024; every fourth without RATs (tidak aktif after three years).</summary>
    private static async Task<Guid> RegisterAsync(HttpClient registry, int i, string regency)
    {
        var year = FoundedIn(i);
        var body = Register.Koperasi($"Koperasi Rujukan {(char)('A' + i / 26 % 26)}{(char)('A' + i % 26)}", 30 + i % 50, regency, withRats: i % 4 != 3, decreeDate: $"{year}-{1 + i % 12:D2}-15");
        if (i % 4 != 3 && year > 2021)
        {
            body["ratHistory"] = new JsonArray();
        }

        return await Register.RegisterAsync(registry, body);
    }

    /// <summary>Waits for agreement; on a timeout the comparison below says on which date and in which cells they differ.</summary>
    private static async Task AgreedOrTimedOutAsync(Func<Task> wait)
    {
        try
        {
            await wait();
        }
        catch (TimeoutException)
        {
        }
    }

    private static int FoundedIn(int i) => 2015 + (i % 10);

    /// <summary>The Registry's statistics as "regency|activity|count" cells.</summary>
    private static async Task<HashSet<string>> RegistryTableAsync(HttpClient registry, string date) =>
        [.. (await Api.GetAsync(registry, $"/api/registry/statistics?asOf={date}&groupBy=regency,activity"))["rows"]!.AsArray()
            .Where(r => r!["count"]!.GetValue<long>() > 0)
            .Select(r => $"{Api.Text(r!["regencyCode"])}|{Api.Text(r["activity"])}|{r["count"]!.GetValue<long>()}")];

    private static async Task<HashSet<string>> SubscriberTableAsync(HttpClient subscriber, string date) =>
        [.. (await subscriber.GetFromJsonAsync<JsonObject>($"/table?asOf={date}"))!["rows"]!.AsArray()
            .Select(r => $"{Api.Text(r!["regencyCode"])}|{Api.Text(r["activity"])}|{r["count"]!.GetValue<long>()}")];

    private async Task<string> OnboardAsync()
    {
        var output = await RunScriptAsync("add");
        _onboarded = true;
        output.ShouldContain($"queue_prefix={_name}-");
        return output.Split('\n').Single(l => l.StartsWith("password=", StringComparison.Ordinal))["password=".Length..].Trim();
    }

    /// <summary>
    /// Starts the Node.js subscriber with the onboarded user and a service token of its name; the
    /// Registry (in this process) answers it through a loopback front door. Gives its table's address.
    /// </summary>
    private async Task<Uri> StartSubscriberAsync(string sample, string password)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _front = builder.Build();
        var registry = _registry.CreateClient();
        registry.DefaultRequestHeaders.Authorization = null;
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
        await _front.StartAsync(Cancellation);

        var token = new TokenIssuer(TestTokens.Settings(), TimeProvider.System).Issue(_name, KoperasiRoles.Service, null, TimeSpan.FromDays(1), DateTimeOffset.UtcNow.AddMinutes(-5));
        var start = new ProcessStartInfo("node", [Path.Combine(sample, "subscriber.js")])
        {
            WorkingDirectory = sample,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["KOPERASI_SUBSCRIBER_NAME"] = _name;
        start.Environment["KOPERASI_AMQP_URL"] = $"amqp://{_name}:{Uri.EscapeDataString(password)}@{TestInfrastructure.RabbitMqHost}:{TestInfrastructure.RabbitMqPort}/{Uri.EscapeDataString(_vhost)}";
        start.Environment["KOPERASI_REGISTRY_URL"] = _front.Urls.First();
        start.Environment["KOPERASI_TOKEN"] = token;
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
        var started = await Task.WhenAny(listening.Task, _node.WaitForExitAsync(Cancellation), Task.Delay(TimeSpan.FromSeconds(30), Cancellation));
        if (started != listening.Task)
        {
            lock (errors)
            {
                throw new InvalidOperationException($"The subscriber did not start: {errors}");
            }
        }

        return await listening.Task;
    }

    /// <summary>npm ci in the sample when its packages are missing (the registry serves npm); without npm the test skips, or fails under CI.</summary>
    private static async Task EnsureNodePackagesAsync(string sample)
    {
        if (File.Exists(Path.Combine(sample, "node_modules", "amqplib", "package.json")))
        {
            return;
        }

        try
        {
            using var npm = Process.Start(new ProcessStartInfo("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"]) { WorkingDirectory = sample, RedirectStandardError = true })!;
            var error = await npm.StandardError.ReadToEndAsync(Cancellation);
            await npm.WaitForExitAsync(Cancellation);
            npm.ExitCode.ShouldBe(0, error);
        }
        catch (System.ComponentModel.Win32Exception) when (!OpenApiLint.Required)
        {
            Assert.Skip("npm is not installed: the reference subscriber's packages cannot be installed.");
        }
    }

    private async Task<IConnection> ConnectAsAdminAsync() =>
        await TestInfrastructure.AdminBroker(_vhost).CreateConnectionAsync(Cancellation);

    private async Task<string> RunScriptAsync(string action)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(SourceTree.Root, "deploy", "subscriber.sh"), action, _name])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["KOPERASI_RABBITMQ_HOST"] = TestInfrastructure.RabbitMqHost;
        start.Environment["KOPERASI_RABBITMQ_MANAGEMENT_PORT"] = TestInfrastructure.RabbitMqManagementPort.ToString(CultureInfo.InvariantCulture);
        start.Environment["KOPERASI_RABBITMQ_ADMIN_USER"] = TestInfrastructure.RabbitMqAdminUser;
        start.Environment["KOPERASI_RABBITMQ_ADMIN_PASSWORD"] = TestInfrastructure.RabbitMqAdminPassword;
        start.Environment["KOPERASI_RABBITMQ_VHOST"] = _vhost;
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, error);
        return output;
    }
}

/// <summary>The reference subscriber's own unit tests (node --test: its rules on business dates, the dedupe, a restart) run with the suite.</summary>
public sealed class ReferenceSubscriberUnitTests
{
    [Fact]
    public async Task The_subscribers_unit_tests_pass()
    {
        var root = SourceTree.Root;

        Process node;
        try
        {
            node = Process.Start(new ProcessStartInfo("node", ["--test"])
            {
                WorkingDirectory = Path.Combine(root, "samples", "regency-activity-subscriber"),
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
        }
        catch (System.ComponentModel.Win32Exception) when (!OpenApiLint.Required)
        {
            Assert.Skip("node is not installed.");
            return;
        }

        using (node)
        {
            var output = await node.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            await node.WaitForExitAsync(TestContext.Current.CancellationToken);
            node.ExitCode.ShouldBe(0, output);
            output.ShouldContain("# fail 0");
        }
    }
}

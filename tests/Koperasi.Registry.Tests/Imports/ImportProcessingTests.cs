using System.Net;
using Koperasi.Registry.Imports;
using Koperasi.Testing;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Koperasi.Registry.Tests.Imports;

/// <summary>The background processing, each test on a Registry host (and schema) of its own.</summary>
public class ImportProcessingTests
{
    private const int LargeFileRows = 250;

    [Fact]
    public async Task The_sample_file_imports_every_row()
    {
        await using var registry = new IsolatedRegistryHost("importsample", new DateTimeOffset(2026, 11, 22, 3, 0, 0, TimeSpan.Zero));
        var client = registry.CreateClient();

        var job = await ImportFiles.ImportAsync(client, ImportFiles.Sample(), "register-sample.csv");

        job["status"]!.GetValue<string>().ShouldBe("completed");
        (ImportFiles.Int(job, "totalRows"), ImportFiles.Int(job, "processedRows"), ImportFiles.Int(job, "imported")).ShouldBe((15, 15, 15));
        (ImportFiles.Int(job, "alreadyRegistered"), ImportFiles.Int(job, "invalid"), job["errors"]!.AsArray().Count).ShouldBe((0, 0, 0));
        (await Api.GetAsync(client, "/api/registry/cooperatives?pageSize=1"))["totalCount"]!.GetValue<long>().ShouldBe(15);
        // The one whose last RAT was for 2019 has missed three years since: activity is evaluated up to today.
        var inactive = await Api.GetAsync(client, "/api/registry/cooperatives?activity=tidak-aktif");
        inactive["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()).ShouldBe(["Koperasi Pemasaran Karet Bangko Bersatu"]);
        await using var session = registry.Services.GetRequiredService<IDocumentStore>().QuerySession();
        (await session.Query<ImportFile>().CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Progress_is_visible_while_a_large_file_runs()
    {
        var token = ImportFiles.NewToken();
        var gate = new ImportGate($"{token}.csv");
        await using var registry = new ListeningRegistryHost("importprogress", gate);
        var client = registry.CreateClient();

        using var response = await ImportFiles.UploadAsync(client, ImportFiles.Valid(token, LargeFileRows), $"{token}.csv");
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var location = response.Headers.Location!.ToString();
        await gate.Reached.WaitAsync(Eventually.DefaultTimeout);

        // The processor is held right after its first batch committed: this is what an officer sees meanwhile.
        var running = await Api.GetAsync(client, location);
        gate.Release();

        running["status"]!.GetValue<string>().ShouldBe("running");
        (ImportFiles.Int(running, "totalRows"), ImportFiles.Int(running, "processedRows"), ImportFiles.Int(running, "imported")).ShouldBe((LargeFileRows, 100, 100));
        var listed = (await ImportFiles.ListAsync(client)).Single(j => j!["fileName"]!.GetValue<string>() == $"{token}.csv")!;
        ImportFiles.Int(listed.AsObject(), "processedRows").ShouldBeGreaterThanOrEqualTo(100);

        var finished = await ImportFiles.FinishedAsync(client, location);
        (ImportFiles.Int(finished, "processedRows"), ImportFiles.Int(finished, "imported")).ShouldBe((LargeFileRows, LargeFileRows));
        gate.Committed.Where(j => j.Status == ImportStatus.Running).Select(j => j.ProcessedRows).ShouldBe([0, 100, 200, 250]);
        gate.Committed[^1].Status.ShouldBe(ImportStatus.Completed);
    }

    [Fact]
    public async Task A_job_interrupted_by_a_restart_resumes_on_start_up_from_its_last_batch()
    {
        var token = ImportFiles.NewToken();
        var gate = new ImportGate($"{token}.csv");
        await using var before = new ListeningRegistryHost("importresume", gate);
        var client = before.CreateClient();
        using var response = await ImportFiles.UploadAsync(client, ImportFiles.Valid(token, LargeFileRows), $"{token}.csv");
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var location = response.Headers.Location!.ToString();
        await gate.Reached.WaitAsync(Eventually.DefaultTimeout);

        // The service stops while the processor is held after its first batch.
        await before.Services.GetRequiredService<IHost>().StopAsync();
        var interrupted = gate.Committed[^1];
        (interrupted.Status, interrupted.ProcessedRows, interrupted.Imported).ShouldBe((ImportStatus.Running, 100, 100));

        await using var after = new ListeningRegistryHost("importresume");
        var resumed = await ImportFiles.FinishedAsync(after.CreateClient(), location);

        resumed["status"]!.GetValue<string>().ShouldBe("completed");
        (ImportFiles.Int(resumed, "processedRows"), ImportFiles.Int(resumed, "imported"), ImportFiles.Int(resumed, "alreadyRegistered")).ShouldBe((LargeFileRows, LargeFileRows, 0));
        (await ImportFiles.CountAsync(after.CreateClient(), token)).ShouldBe(LargeFileRows);
    }

    [Fact]
    public async Task A_job_accepted_by_a_replica_that_does_not_process_is_run_by_the_process_that_does()
    {
        var token = ImportFiles.NewToken();
        await using var processing = new ListeningRegistryHost("importpoll");
        _ = processing.CreateClient();
        await using var replica = new ListeningRegistryHost("importpoll").With("Imports:Processing", "false").With("Marten:DaemonMode", "Disabled");
        var client = replica.CreateClient();

        using var response = await ImportFiles.UploadAsync(client, ImportFiles.Valid(token, 3), $"{token}.csv");
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var location = response.Headers.Location!.ToString();

        // The processing host looks for queued jobs every 30 seconds of its clock.
        var job = await Eventually.ValueAsync(async () =>
        {
            processing.Clock.Advance(TimeSpan.FromSeconds(30));
            var current = await Api.GetAsync(client, location);
            return current["status"]!.GetValue<string>() == "completed" ? current : null;
        }, "the processing host to run the job queued by the replica");

        ImportFiles.Int(job, "imported").ShouldBe(3);
        (await ImportFiles.CountAsync(client, token)).ShouldBe(3);
    }

    [Fact]
    public async Task A_decree_number_registered_while_a_batch_runs_counts_as_already_registered_and_the_rest_is_imported()
    {
        var token = ImportFiles.NewToken();
        var rows = Enumerable.Range(1, 5).Select(i => ImportFiles.Row(token, i)).ToList();
        var third = RegisterCsv.Parse(CsvFile.Rows(ImportFiles.File(rows[2])).Single()).Request!;
        var concurrent = new ConcurrentRegistration($"{token}.csv", third with { Name = $"Koperasi {token} lewat API" }, new DateOnly(2026, 11, 22));
        await using var registry = new ListeningRegistryHost("importrace", concurrent);
        var client = registry.CreateClient();

        var job = await ImportFiles.ImportAsync(client, ImportFiles.File(rows), $"{token}.csv");

        job["status"]!.GetValue<string>().ShouldBe("completed");
        (ImportFiles.Int(job, "processedRows"), ImportFiles.Int(job, "imported"), ImportFiles.Int(job, "alreadyRegistered"), ImportFiles.Int(job, "invalid")).ShouldBe((5, 4, 1, 0));
        (await ImportFiles.CountAsync(client, token)).ShouldBe(5);
        (await Api.GetAsync(client, $"/api/registry/cooperatives?q={Uri.EscapeDataString($"{token} lewat API")}"))["totalCount"]!.GetValue<long>().ShouldBe(1);
    }
}

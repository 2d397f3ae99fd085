using System.Diagnostics;
using JasperFx;
using Koperasi.Registry.Activity;
using Koperasi.Registry.Cooperatives;
using Koperasi.ServiceDefaults.Persistence;
using Koperasi.ServiceDefaults.Time;
using Marten;
using Microsoft.Extensions.Options;

namespace Koperasi.Registry.Demo;

/// <summary>
/// Loads the demo data set when the register is empty (configuration Demo:LoadWhenEmpty), through
/// the normal decision path: validation, the domain's rules and activity evaluated up to today.
/// A register that already holds koperasi is left alone.
/// </summary>
public sealed partial class DemoDataLoader(
    IDocumentStore store,
    TimeProvider clock,
    IOptions<ActivityPolicy> policy,
    DemoDataProgress progress,
    ILogger<DemoDataLoader> logger) : BackgroundService
{
    public const string Actor = "system:demo-data";
    private const int BatchSize = 250;

    public static void Add(IHostApplicationBuilder builder)
    {
        var enabled = builder.Configuration.GetValue("Demo:LoadWhenEmpty", false);
        builder.Services.AddSingleton(new DemoDataProgress(enabled));
        if (enabled)
        {
            builder.Services.AddHostedService<DemoDataLoader>();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await LoadAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped mid-load: the next start resumes it.
        }
        catch (Exception exception)
        {
            progress.Set(progress.Current with { Status = DemoDataStatus.Failed });
            LogFailed(exception);
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var targets = DemoTargets.Load();
        DemoDataLoad? marker;
        bool holdsKoperasi;
        await using (var query = store.QuerySession())
        {
            marker = await query.LoadAsync<DemoDataLoad>(DemoDataLoad.Key, cancellationToken);
            holdsKoperasi = await query.Query<Cooperative>().AnyAsync(cancellationToken);
        }

        if (marker is { CompletedAt: not null } || (marker is null && holdsKoperasi))
        {
            Skip(targets.Total);
            return;
        }

        var set = DemoData.Generate(targets);

        if (policy.Value != new ActivityPolicy())
        {
            LogPolicyDiffers();
        }

        var load = marker ?? new DemoDataLoad(DemoDataLoad.Key, clock.GetUtcNow(), null);
        var claimLoad = marker is null;
        var today = clock.Today();
        var started = Stopwatch.GetTimestamp();
        var (registered, rejected) = (0, 0);
        progress.Set(new DemoDataState(DemoDataStatus.Loading, 0, 0, set.Count));
        LogLoading(set.Count, today, marker is not null);
        foreach (var batch in set.Chunk(BatchSize))
        {
            await using var session = store.OpenSessionAs(Actor);
            if (claimLoad)
            {
                session.Insert(load);
            }

            foreach (var request in batch.Select(r => KnownBy(r, today)))
            {
                if (await StageAsync(session, request, today, cancellationToken))
                {
                    registered++;
                }
                else
                {
                    rejected++;
                }
            }

            try
            {
                await session.SaveChangesAsync(cancellationToken);
            }
            catch (DocumentAlreadyExistsException)
            {
                // Another instance started the same load at the same moment; it carries on.
                Skip(set.Count);
                return;
            }

            claimLoad = false;
            progress.Set(new DemoDataState(DemoDataStatus.Loading, registered, rejected, set.Count));
        }

        await using (var session = store.OpenSessionAs(Actor))
        {
            session.Store(load with { CompletedAt = clock.GetUtcNow() });
            await session.SaveChangesAsync(cancellationToken);
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        progress.Set(new DemoDataState(DemoDataStatus.Loaded, registered, rejected, set.Count));
        LogLoaded(registered, rejected, elapsed);
    }

    /// <summary>Stages one registration; false if it breaks a rule. One already registered by an interrupted load counts as done.</summary>
    private async Task<bool> StageAsync(IDocumentSession session, Register.Request request, DateOnly today, CancellationToken cancellationToken)
    {
        if (!Register.Validate(request).IsValid)
        {
            LogRejected(request.LegalEntity.DecreeNumber, "invalid-request");
            return false;
        }

        var outcome = await Register.StageAsync(session, Register.ToCommand(request, Guid.CreateVersion7()), today, policy.Value, cancellationToken);
        if (outcome.Error is { } error && error.Rule != Register.AlreadyRegistered(request.LegalEntity.DecreeNumber).Rule)
        {
            LogRejected(request.LegalEntity.DecreeNumber, error.Rule);
            return false;
        }

        return true;
    }

    /// <summary>The registration as the register would know it today: facts dated after today are left out.</summary>
    private static Register.Request KnownBy(Register.Request request, DateOnly today) => request with
    {
        RatHistory = [.. (request.RatHistory ?? []).Where(r => r.HeldOn <= today)],
        NikKoperasi = request.NikKoperasi is { } nik && nik.IssuedOn <= today ? nik : null,
    };

    private void Skip(int total)
    {
        progress.Set(new DemoDataState(DemoDataStatus.Skipped, 0, 0, total));
        LogSkipped();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loading the demo data set: {Total} koperasi as of {Today} (resuming: {Resuming})")]
    private partial void LogLoading(int total, DateOnly today, bool resuming);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data set loaded: {Registered} koperasi registered, {Rejected} rejected, in {Elapsed}")]
    private partial void LogLoaded(int registered, int rejected, TimeSpan elapsed);

    [LoggerMessage(Level = LogLevel.Information, Message = "The register already holds koperasi: the demo data set is not loaded")]
    private partial void LogSkipped();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo koperasi {DecreeNumber} was rejected: {Rule}")]
    private partial void LogRejected(string decreeNumber, string rule);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The activity policy differs from its defaults; the demo data set reproduces the published figures only under the defaults")]
    private partial void LogPolicyDiffers();

    [LoggerMessage(Level = LogLevel.Error, Message = "Loading the demo data set failed; the next start resumes it")]
    private partial void LogFailed(Exception exception);
}

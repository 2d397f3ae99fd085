namespace Koperasi.Demo;

/// <summary>
/// The console part of every demo data tool (tools/Koperasi.*.DemoData link this one file): the
/// settings it reads, its logging, Ctrl-C, its exit codes and its progress lines. A tool adds only
/// its own loading.
/// </summary>
public static partial class DemoDataConsole
{
    /// <summary>Loaded now or before.</summary>
    public const int Done = 0;

    /// <summary>The load failed (logged); the next run resumes it.</summary>
    public const int Failed = 1;

    /// <summary>Stopped by Ctrl-C; the next run resumes it.</summary>
    public const int Stopped = 130;

    /// <summary>The service's settings as the service reads them (its appsettings.json comes with the reference), then the environment and the arguments.</summary>
    public static IConfiguration Configuration(string[] args) =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .Build();

    /// <summary>Logs to standard error, one line an entry, as the section <c>Logging</c> says: standard output carries the progress a user reads.</summary>
    public static ILoggingBuilder AddToolConsole(this ILoggingBuilder logging, IConfiguration configuration) =>
        logging.AddConfiguration(configuration.GetSection("Logging"))
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
            .AddSimpleConsole(o => o.SingleLine = true);

    /// <summary>
    /// Runs a load until it ends or Ctrl-C stops it, and prints the line it returns. Returns the
    /// exit code: <see cref="Done"/>, <see cref="Stopped"/> (cancelled), or <see cref="Failed"/>
    /// (the exception logged to <paramref name="logger"/>).
    /// </summary>
    public static async Task<int> RunAsync(ILogger logger, Func<CancellationToken, Task<string>> load, CancellationToken stop = default)
    {
        ArgumentNullException.ThrowIfNull(load);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(stop);
        void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
        {
            e.Cancel = true;
            cancellation.Cancel();
        }

        Console.CancelKeyPress += OnCancelKeyPress;
        try
        {
            Console.WriteLine(await load(cancellation.Token));
            return Done;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            Console.WriteLine("[koperasi] demo load stopped; the next run resumes it");
            return Stopped;
        }
        catch (Exception exception)
        {
            LogFailed(logger, exception);
            return Failed;
        }
        finally
        {
            Console.CancelKeyPress -= OnCancelKeyPress;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Loading the demo data set failed; the next run resumes it")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

/// <summary>Prints a demo load's progress as run.sh shows it: the line of the state, at most every few seconds, and always the last one.</summary>
public sealed class DemoDataProgress<T>(Func<T, bool> finished, Func<T, string> line, TextWriter? output = null) : IProgress<T>
{
    private const int IntervalMilliseconds = 3_000;
    private readonly TextWriter _output = output ?? Console.Out;
    private long? _last;

    public void Report(T value)
    {
        var now = Environment.TickCount64;
        if (!finished(value) && _last is { } last && now - last < IntervalMilliseconds)
        {
            return;
        }

        _last = now;
        _output.WriteLine(line(value));
    }
}

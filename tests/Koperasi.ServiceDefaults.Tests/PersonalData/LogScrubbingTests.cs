using Koperasi.ServiceDefaults.PersonalData;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Koperasi.ServiceDefaults.Tests.PersonalData;

public sealed class LogScrubbingTests : IDisposable
{
    private readonly CapturedLogs _logs = new();
    private readonly ServiceProvider _services;
    private readonly ILogger _logger;

    public LogScrubbingTests()
    {
        _services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug).AddProvider(_logs))
            .AddPersonalDataLogScrubbing()
            .AddPersonalDataLogScrubbing()
            .BuildServiceProvider();
        _logger = _services.GetRequiredService<ILogger<LogScrubbingTests>>();
    }

    public void Dispose() => _services.Dispose();

    private CapturedLog Single => _logs.Records.ShouldHaveSingleItem();

    [Fact]
    public void A_structured_value_reaches_the_provider_masked_and_the_template_intact()
    {
        _logger.LogInformation("Application from {Nik} for {Year}", SyntheticNik.Man, 2026);

        Single.Message.ShouldBe($"Application from {SyntheticNik.ManMasked} for 2026");
        Single.Values.ShouldBe(
        [
            new("Nik", SyntheticNik.ManMasked),
            new("Year", "2026"),
            new("{OriginalFormat}", "Application from {Nik} for {Year}"),
        ]);
    }

    [Fact]
    public void A_NIK_in_an_interpolated_message_is_masked_in_the_message_and_the_template()
    {
#pragma warning disable CA2254 // Logging a NIK the careless way is what this test is about.
        _logger.LogInformation($"Applicant NIK {SyntheticNik.Woman}");
#pragma warning restore CA2254

        Single.AllText.ShouldNotMatch(SyntheticNik.SixteenDigitRun);
        Single.Message.ShouldBe($"Applicant NIK {SyntheticNik.WomanMasked}");
    }

    [Fact]
    public void A_NIK_held_in_a_number_is_masked_too()
    {
        _logger.LogInformation("Applicant {Nik}", long.Parse(SyntheticNik.Man, System.Globalization.CultureInfo.InvariantCulture));

        Single.Values[0].ShouldBe(new("Nik", SyntheticNik.ManMasked));
        Single.Message.ShouldBe($"Applicant {SyntheticNik.ManMasked}");
    }

    [Fact]
    public void Collections_and_records_are_masked_item_by_item()
    {
        _logger.LogInformation("Batch {Niks} of {Applicant}", new[] { SyntheticNik.Man, SyntheticNik.Woman }, new Applicant(SyntheticNik.Woman));

        Single.AllText.ShouldNotMatch(SyntheticNik.SixteenDigitRun);
        Single.Values[0].Value.ShouldBe($"{SyntheticNik.ManMasked},{SyntheticNik.WomanMasked}");
        Single.Values[1].Value.ShouldContain(SyntheticNik.WomanMasked);
    }

    [Fact]
    public void Scopes_of_every_kind_are_masked()
    {
        using (_logger.BeginScope("Applicant {Nik}", SyntheticNik.Man))
        using (_logger.BeginScope($"Plain text {SyntheticNik.Woman}"))
        using (_logger.BeginScope(new Dictionary<string, object?> { ["applicant.nik"] = SyntheticNik.Woman }))
        using (_logger.BeginScope(new Applicant(SyntheticNik.Man)))
        {
            _logger.LogWarning("Checking eligibility");
        }

        Single.Scopes.ShouldNotBeEmpty();
        Single.AllText.ShouldNotMatch(SyntheticNik.SixteenDigitRun);
        Single.Scopes.ShouldContain($"Applicant {SyntheticNik.ManMasked}");
        Single.Scopes.ShouldContain($"Plain text {SyntheticNik.WomanMasked}");
        Single.Scopes.ShouldContain($"applicant.nik={SyntheticNik.WomanMasked}");
    }

    [Fact]
    public void An_exception_is_logged_with_its_type_and_stack_and_without_the_NIK()
    {
        var error = Thrown(new InvalidOperationException("Storing failed", new FormatException($"Bad row for {SyntheticNik.Man}")));

        _logger.LogError(error, "The application could not be stored");

        var text = Single.Exception.ShouldNotBeNull();
        text.ShouldNotMatch(SyntheticNik.SixteenDigitRun);
        text.ShouldContain("System.InvalidOperationException: Storing failed");
        text.ShouldContain($"System.FormatException: Bad row for {SyntheticNik.ManMasked}");
        text.ShouldContain(nameof(Thrown));
    }

    [Fact]
    public void An_exception_without_a_NIK_reaches_the_provider_unchanged()
    {
        Exception? received = null;
        var spy = new SpyProvider(e => received = e);
        using var services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(spy))
            .AddPersonalDataLogScrubbing()
            .BuildServiceProvider();
        var error = Thrown(new InvalidOperationException("No personal data here"));

        services.GetRequiredService<ILoggerFactory>().CreateLogger("test").LogError(error, "Failed");

        received.ShouldBeSameAs(error);
    }

    [Fact]
    public void Levels_and_filters_still_apply()
    {
        _logger.LogTrace("Below the minimum level {Nik}", SyntheticNik.Man);

        _logs.Records.ShouldBeEmpty();
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static Exception Thrown(Exception exception)
    {
        try
        {
            throw exception;
        }
        catch (Exception caught)
        {
            return caught;
        }
    }

    private sealed record Applicant(string Nik);

    private sealed class SpyProvider(Action<Exception?> received) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            received(exception);

        public void Dispose()
        {
        }
    }
}

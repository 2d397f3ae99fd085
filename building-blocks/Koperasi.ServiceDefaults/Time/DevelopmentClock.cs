using Koperasi.ServiceDefaults.Decisions;
using Koperasi.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Koperasi.ServiceDefaults.Time;

/// <summary>
/// The services' clock in Development: the base clock moved forward by a whole number of days that an
/// operator sets (<c>PUT /api/{service}/ops/clock</c>), so a walk through months of deadlines (a
/// dissolution's announcement, objection and claims periods) can be done on a running system. Only the
/// date and time the services read move; timers and elapsed time (schedules, timeouts, token
/// lifetimes, which are checked on the real clock) do not. The offset lives in the process: a restart
/// starts again at the real date. Registered by <see cref="ServiceDefaultsExtensions.AddServiceDefaults"/>
/// in Development (and the tests' Testing environment) only; the registration refuses it in any other
/// environment (<see cref="IsEnabled"/>).
/// </summary>
public sealed class DevelopmentClock(TimeProvider inner) : TimeProvider
{
    /// <summary>The setting that turns it on or off (default: on in Development and Testing, off elsewhere).</summary>
    public const string Setting = "DevelopmentClock:Enabled";

    /// <summary>The furthest an operator may move the clock: ten years.</summary>
    public const int MaxOffsetDays = 3653;

    private long _offsetDays;

    /// <summary>The clock it moves (the system's, or a test's).</summary>
    public TimeProvider Inner { get; } = inner;

    /// <summary>How many days ahead of <see cref="Inner"/> the clock is.</summary>
    public int OffsetDays => (int)Interlocked.Read(ref _offsetDays);

    public override DateTimeOffset GetUtcNow() => Inner.GetUtcNow().AddDays(OffsetDays);

    public override TimeZoneInfo LocalTimeZone => Inner.LocalTimeZone;

    public override long TimestampFrequency => Inner.TimestampFrequency;

    public override long GetTimestamp() => Inner.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        Inner.CreateTimer(callback, state, dueTime, period);

    /// <summary>
    /// Sets the offset to <paramref name="days"/>, forward only: false (and nothing changed) when it is
    /// below the current one, since facts dated on the later day are already recorded.
    /// </summary>
    public bool TryMoveTo(int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, MaxOffsetDays);
        while (true)
        {
            var current = Interlocked.Read(ref _offsetDays);
            if (days < current)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _offsetDays, days, current) == current)
            {
                return true;
            }
        }
    }

    /// <summary>
    /// Whether the environment runs a development clock: <see cref="Setting"/>, by default on in
    /// Development and Testing. Turned on in any other environment (Production, Staging), it stops the
    /// start: a clock an operator can move has no place in a system of record.
    /// </summary>
    public static bool IsEnabled(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var allowed = environment.IsDevelopment() || environment.IsEnvironment("Testing");
        var enabled = configuration.GetValue(Setting, allowed);
        if (enabled && !allowed)
        {
            throw new InvalidOperationException(
                $"{Setting} is on in the {environment.EnvironmentName} environment: a clock an operator can move is for Development only. Remove the setting.");
        }

        return enabled;
    }

    /// <summary>
    /// Registers the clock the services read: a <see cref="DevelopmentClock"/> over the system clock
    /// where <see cref="IsEnabled"/>, else the system clock. A test host registers its own afterwards.
    /// </summary>
    public static void Register(IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (IsEnabled(builder.Configuration, builder.Environment))
        {
            builder.Services.AddSingleton(new DevelopmentClock(TimeProvider.System));
            builder.Services.AddSingleton<TimeProvider>(services => services.GetRequiredService<DevelopmentClock>());
        }
        else
        {
            builder.Services.AddSingleton(TimeProvider.System);
        }
    }
}

/// <summary>The operators' handle on the <see cref="DevelopmentClock"/>.</summary>
public static class DevelopmentClockOperations
{
    /// <summary>The clock as a service reads it.</summary>
    /// <param name="Now">The service's time (UTC).</param>
    /// <param name="Today">The service's date in Jambi (WIB).</param>
    /// <param name="OffsetDays">How many days ahead of the real date it is.</param>
    public sealed record Clock(DateTimeOffset Now, DateOnly Today, int OffsetDays);

    /// <summary>The offset to set: whole days ahead of the real date, not less than the current one.</summary>
    public sealed record MoveRequest(int? OffsetDays);

    /// <summary>
    /// Maps <c>GET {group}/ops/clock</c> and <c>PUT {group}/ops/clock</c>, admitted by
    /// <paramref name="policy"/>, when the service's clock is a <see cref="DevelopmentClock"/>; maps
    /// nothing otherwise (Production).
    /// </summary>
    public static RouteGroupBuilder MapDevelopmentClock(this RouteGroupBuilder group, string policy)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (((IEndpointRouteBuilder)group).ServiceProvider.GetService<TimeProvider>() is not DevelopmentClock)
        {
            return group;
        }

        group.MapGet("/ops/clock", Read)
            .WithName("ReadDevelopmentClock")
            .WithTags("Operations")
            .WithSummary("Read the development clock")
            .WithDescription("Development only: the service's time and date (WIB) and how many days ahead of the real date an operator moved it.")
            .RequireAuthorization(policy)
            .Produces<Clock>();
        group.MapPut("/ops/clock", Move)
            .WithName("MoveDevelopmentClock")
            .WithTags("Operations")
            .WithSummary("Move the development clock forward")
            .WithDescription("Development only: sets the service's clock offsetDays whole days ahead of the real date (0 to 3653), forward only (409 clock-moves-forward-only). "
                + "Move every service at once with the gateway's POST /dev/clock. Token lifetimes and timers keep the real time; a restart goes back to the real date.")
            .RequireAuthorization(policy)
            .Produces<Clock>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        return group;
    }

    private static Clock Describe(DevelopmentClock clock) => new(clock.GetUtcNow(), clock.Today(), clock.OffsetDays);

    private static Ok<Clock> Read(TimeProvider clock) => TypedResults.Ok(Describe((DevelopmentClock)clock));

    private static Results<Ok<Clock>, ValidationProblem, ProblemHttpResult> Move(MoveRequest request, TimeProvider clock)
    {
        var development = (DevelopmentClock)clock;
        if (request.OffsetDays is not { } days || days < 0 || days > DevelopmentClock.MaxOffsetDays)
        {
            return Problems.Validation("offsetDays", $"Required: whole days ahead of the real date, 0 to {DevelopmentClock.MaxOffsetDays}.");
        }

        if (!development.TryMoveTo(days))
        {
            return new DomainError(
                "clock-moves-forward-only",
                $"The clock is already {development.OffsetDays} days ahead; it moves forward only (restart the service to go back to the real date).",
                DomainErrorKind.Conflict,
                "offsetDays").ToProblem();
        }

        return TypedResults.Ok(Describe(development));
    }
}

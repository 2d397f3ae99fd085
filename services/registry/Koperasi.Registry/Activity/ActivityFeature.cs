namespace Koperasi.Registry.Activity;

/// <summary>The activity rule's policy, its schedule, and the on-demand evaluation.</summary>
public static class ActivityFeature
{
    public static IHostApplicationBuilder AddActivity(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ActivityPolicy>()
            .Bind(builder.Configuration.GetSection("Activity"))
            .Validate(policy => { policy.Validate(); return true; })
            .ValidateOnStart();
        if (builder.Configuration.GetValue("Activity:ScheduledEvaluation", true))
        {
            builder.Services.AddHostedService<ActivityEvaluationScheduler>();
        }

        return builder;
    }

    public static void MapActivity(this RouteGroupBuilder registry) => EvaluateActivity.Map(registry);
}

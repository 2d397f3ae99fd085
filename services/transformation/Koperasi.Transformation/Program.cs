using Koperasi.ServiceDefaults;
using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Messaging;
using Koperasi.ServiceDefaults.Persistence;
using Koperasi.ServiceDefaults.Telemetry;
using Koperasi.ServiceDefaults.Time;
using Koperasi.Transformation;
using Koperasi.Transformation.Cases;
using Koperasi.Transformation.Cooperatives;
using Koperasi.Transformation.Dissolutions;
using Koperasi.Transformation.Messaging;
using Koperasi.Transformation.Statistics;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults("transformation", TransformationPolicies.All);
builder.Services.AddApiIntroduction(TransformationApi.Introduction, TransformationApi.Tags);
builder.AddKoperasiMarten<TransformationIntegrationEvents>(TransformationStore.DefaultSchema, TransformationStore.Configure);
builder.AddKoperasiMessaging("transformation", bus => bus.AddTransformationConsumers());
builder.AddCases();
builder.AddCaseGauge();
builder.Services.AddDissolutionOptions(builder.Configuration);
builder.AddOverdueDeadlineGauge();
if (builder.Configuration.GetValue("Dissolution:ScheduledDeadlineEvaluation", true))
{
    builder.Services.AddHostedService<Koperasi.Transformation.Dissolutions.DissolutionDeadlineScheduler>();
}
builder.Services.AddMinistryAdapter(builder.Configuration);
builder.AddSubscriberReplays("transformation");

var app = builder.Build();

app.UseServiceDefaults();
app.MapDefaultEndpoints();

var transformation = app.MapGroup("/api/transformation");
transformation.MapCases();
transformation.MapCooperatives();
transformation.MapStatistics();
transformation.MapDissolutions();
transformation.MapRelayReplay(TransformationPolicies.Operate);
transformation.MapDevelopmentClock(TransformationPolicies.Operate);
transformation.MapRecentErrors(TransformationPolicies.Operate);
transformation.MapSubscriberReplays(TransformationPolicies.Subscribe);

app.Run();

/// <summary>The Transformation service's entry point (public so tests can host it).</summary>
public partial class Program;

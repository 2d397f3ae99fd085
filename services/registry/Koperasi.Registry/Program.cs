using Koperasi.Registry;
using Koperasi.Registry.Activity;
using Koperasi.Registry.Cooperatives;
using Koperasi.Registry.Demo;
using Koperasi.Registry.Imports;
using Koperasi.Registry.Messaging;
using Koperasi.Registry.Regions;
using Koperasi.Registry.Statistics;
using Koperasi.ServiceDefaults;
using Koperasi.ServiceDefaults.Messaging;
using Koperasi.ServiceDefaults.Persistence;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults("registry");
builder.AddKoperasiMarten<RegistryIntegrationEvents>(RegistryStore.DefaultSchema, RegistryStore.Configure);
builder.AddKoperasiMessaging();
builder.Services.AddOptions<ActivityPolicy>()
    .Bind(builder.Configuration.GetSection("Activity"))
    .Validate(policy => { policy.Validate(); return true; })
    .ValidateOnStart();
if (builder.Configuration.GetValue("Activity:ScheduledEvaluation", true))
{
    builder.Services.AddHostedService<ActivityEvaluationScheduler>();
}

builder.AddImports();
DemoDataLoader.Add(builder);

var app = builder.Build();

app.UseServiceDefaults();
app.MapDefaultEndpoints();

var registry = app.MapGroup("/api/registry");
var cooperatives = registry.MapGroup("/cooperatives").WithTags("Koperasi");
Register.Map(cooperatives);
ListCooperatives.Map(cooperatives);
GetCooperative.Map(cooperatives);
GetHistory.Map(cooperatives);
ChangeDetails.Map(cooperatives);
ReportRat.Map(cooperatives);
EvaluateActivity.Map(registry);
GetStatistics.Map(registry);
ListRegencies.Map(registry);
registry.MapImports();
GetDemoData.Map(registry);

app.Run();

/// <summary>The Registry service's entry point (public so tests can host it).</summary>
public partial class Program;

using Koperasi.Registry;
using Koperasi.Registry.Activity;
using Koperasi.Registry.Cooperatives;
using Koperasi.Registry.Imports;
using Koperasi.Registry.Messaging;
using Koperasi.Registry.Regions;
using Koperasi.Registry.Statistics;
using Koperasi.Registry.Supervision;
using Koperasi.ServiceDefaults;
using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Messaging;
using Koperasi.ServiceDefaults.Persistence;
using Koperasi.ServiceDefaults.Telemetry;
using Koperasi.ServiceDefaults.Time;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults("registry", RegistryPolicies.All);
builder.Services.AddApiIntroduction(RegistryApi.Introduction, RegistryApi.Tags);
builder.AddKoperasiMarten<RegistryIntegrationEvents>(RegistryStore.DefaultSchema, RegistryStore.Configure);
builder.AddKoperasiMessaging("registry", bus => bus.AddRegistryConsumers());
builder.AddActivity();
builder.AddImports();
builder.AddCooperativeGauge();
builder.AddSubscriberReplays("registry");

var app = builder.Build();

app.UseServiceDefaults();
app.MapDefaultEndpoints();

var registry = app.MapGroup("/api/registry");
registry.MapCooperatives();
registry.MapActivity();
registry.MapStatistics();
registry.MapRegions();
registry.MapImports();
registry.MapSupervision();
registry.MapRelayReplay(RegistryPolicies.Operate);
registry.MapDevelopmentClock(RegistryPolicies.Operate);
registry.MapRecentErrors(RegistryPolicies.Operate);
registry.MapSubscriberReplays(RegistryPolicies.Subscribe);

app.Run();

/// <summary>The Registry service's entry point (public so tests can host it).</summary>
public partial class Program;

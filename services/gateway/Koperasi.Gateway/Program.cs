using Koperasi.Console;
using Koperasi.Gateway.Development;
using Koperasi.Gateway.Health;
using Koperasi.Gateway.Reference;
using Koperasi.Gateway.Routing;
using Koperasi.Gateway.Security;
using Koperasi.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

var downstream = DownstreamService.ReadAll(builder.Configuration);
builder.AddServiceDefaults("gateway");
builder.Services.AddGatewayProxy(downstream);
builder.Services.AddGatewayCors(builder.Configuration);
builder.Services.AddDownstreamReadiness(downstream);
builder.AddKoperasiConsole();

var app = builder.Build();

app.UseSecurityHeaders();
app.UseServiceDefaults();
app.UseCors();
// The gateway has no API of its own: /openapi/{name}.json and the reference belong to the services.
app.MapDefaultEndpoints(new DefaultEndpointsOptions { ApiDocumentation = false });
app.MapApiReference(downstream);
app.MapDevelopmentTokens();
app.MapDevelopmentClockFanOut(downstream);
app.MapGatewayProxy(downstream);
// The console at the front door (/): pages rendered on the server for the Dinas. ADR 0017.
app.MapKoperasiConsole();

app.Run();

/// <summary>The gateway's entry point (public so tests can host it).</summary>
public partial class Program;

using Koperasi.Funding;
using Koperasi.Funding.Applicants;
using Koperasi.Funding.Applications;
using Koperasi.Funding.Disbursements;
using Koperasi.Funding.Messaging;
using Koperasi.Funding.Programmes;
using Koperasi.Funding.Reports;
using Koperasi.ServiceDefaults;
using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Messaging;
using Koperasi.ServiceDefaults.Persistence;
using Koperasi.ServiceDefaults.PersonalData;
using Koperasi.ServiceDefaults.Telemetry;
using Koperasi.ServiceDefaults.Time;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults("funding", FundingPolicies.All);
builder.Services.AddApiIntroduction(FundingApi.Introduction, FundingApi.Tags);
builder.AddKoperasiMarten<FundingIntegrationEvents>(FundingStore.DefaultSchema, FundingStore.Configure);
builder.AddKoperasiMessaging("funding", bus => bus.AddFundingConsumers());
builder.AddPersonalDataVault();
builder.AddProgrammes();
builder.AddApplications();
builder.AddReports();
builder.AddDisbursements();
builder.AddGrantApplicationGauge();
builder.AddSubscriberReplays("funding");

var app = builder.Build();

app.UseServiceDefaults();
app.MapDefaultEndpoints();

var funding = app.MapGroup("/api/funding");
funding.MapProgrammes();
funding.MapApplications();
funding.MapDisbursements();
funding.MapApplicants();
funding.MapReports();
funding.MapRelayReplay(FundingPolicies.Operate);
funding.MapDevelopmentClock(FundingPolicies.Operate);
funding.MapRecentErrors(FundingPolicies.Operate);
funding.MapSubscriberReplays(FundingPolicies.Subscribe);
funding.MapPersonalDataOperations(FundingPolicies.Operate);

app.Run();

/// <summary>The Funding service's entry point (public so tests can host it).</summary>
public partial class Program;

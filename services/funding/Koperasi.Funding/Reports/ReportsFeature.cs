namespace Koperasi.Funding.Reports;

/// <summary>The reports (the projection is registered with the store): endpoints under <c>/api/funding/reports</c>.</summary>
public static class ReportsFeature
{
    public static IHostApplicationBuilder AddReports(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReportSettings>()
            .Bind(builder.Configuration.GetSection("Reports"))
            .Validate(settings => { settings.Validate(); return true; })
            .ValidateOnStart();
        return builder;
    }

    public static void MapReports(this RouteGroupBuilder funding)
    {
        var reports = funding.MapGroup("/reports").WithTags("Reports");
        GetRecipients.Map(reports);
        GetProgress.Map(reports);
        GetMonitoringCoverage.Map(reports);
    }
}

using Koperasi.Funding.Decrees;

namespace Koperasi.Funding.Programmes;

/// <summary>Programmes and their decree batches: endpoints under <c>/api/funding/programmes</c>.</summary>
public static class ProgrammeFeature
{
    public static IHostApplicationBuilder AddProgrammes(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ProgrammeDefaults>()
            .Bind(builder.Configuration.GetSection("Programmes:DefaultEligibility"))
            .Validate(defaults => { defaults.Validate(); return true; })
            .ValidateOnStart();
        return builder;
    }

    public static void MapProgrammes(this RouteGroupBuilder funding)
    {
        var programmes = funding.MapGroup("/programmes").WithTags("Programmes");
        OpenProgramme.Map(programmes);
        ListProgrammes.Map(programmes);
        GetProgramme.Map(programmes);
        ChangeProgramme.Map(programmes);
        DecreeBatches.Map(programmes);
        ListDecreeBatches.Map(programmes);
    }
}

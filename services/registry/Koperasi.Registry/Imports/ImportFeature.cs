using System.Diagnostics.CodeAnalysis;

[assembly: SuppressMessage("Naming", "CA1716", Scope = "namespace", Target = "~N:Koperasi.Registry.Imports",
    Justification = "Named for its folder like every slice; no Visual Basic code consumes the Registry.")]

namespace Koperasi.Registry.Imports;

/// <summary>The import feature: its services and its endpoints under <c>/api/registry/imports</c>.</summary>
public static class ImportFeature
{
    public static IHostApplicationBuilder AddImports(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Imports");
        builder.Services.AddOptions<ImportOptions>()
            .Bind(section)
            .Validate(options => options.BatchSize is >= 1 and <= 1000, "Imports:BatchSize must be between 1 and 1000.")
            .Validate(options => options.PollInterval > TimeSpan.Zero, "Imports:PollInterval must be positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton<ImportQueue>();
        if (section.GetValue(nameof(ImportOptions.Processing), true))
        {
            builder.Services.AddHostedService<ImportProcessor>();
        }

        return builder;
    }

    public static void MapImports(this RouteGroupBuilder registry)
    {
        var imports = registry.MapGroup("/imports").WithTags("Import");
        ImportRegister.Map(imports);
        GetImport.Map(imports);
        ListImports.Map(imports);
    }
}

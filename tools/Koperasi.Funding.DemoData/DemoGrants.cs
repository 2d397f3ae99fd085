using System.Text.Json;
using Koperasi.Funding.Applications;
using Koperasi.Funding.Programmes;
using Koperasi.ServiceDefaults.Http;

namespace Koperasi.Funding.Demo;

/// <summary>
/// What the demo data set reproduces and how its programmes are set up: the published figures,
/// copied into the embedded <c>demo-grants.json</c> so that no figure is written in code.
/// </summary>
public sealed record DemoGrants(string Source, IReadOnlyList<string> Notes, DemoGrants.PeriodFigures Period, IReadOnlyList<DemoGrants.ProgrammeSetup> Programmes)
{
    /// <summary>Recipients per regency over several years, as one published table.</summary>
    public sealed record PeriodFigures(int FirstYear, int LastYear, IReadOnlyDictionary<string, int> RecipientsByRegency);

    /// <summary>A year's programme as the demo opens it, what it reached, and how far its grants were followed up.</summary>
    public sealed record ProgrammeSetup(
        int Year,
        string Name,
        decimal Budget,
        int TargetRecipients,
        DateOnly ReferenceDate,
        ApplicationWindow Window,
        IReadOnlyList<CategorySetup> Categories,
        YearFigures? Published,
        IReadOnlyList<DecreeRound> Decrees,
        FollowUp? FollowUp);

    /// <summary>A category, its weight among the categories of the same grant, and who its generated applicants are.</summary>
    public sealed record CategorySetup(string Code, string Name, decimal Amount, double Weight, ApplicantProfile Applicants);

    /// <summary>The applicants of a category: one sex or both (null), and their ages on the programme's reference date.</summary>
    public sealed record ApplicantProfile(Sex? Sex, int MinAge, int MaxAge);

    /// <summary>A year's published recipients and rupiah, and those of the regencies published for that year.</summary>
    public sealed record YearFigures(int Recipients, decimal Amount, IReadOnlyList<RegencyFigures> Regencies);

    public sealed record RegencyFigures(string Code, int Recipients, decimal Amount);

    /// <summary>A day decrees were signed on, and the share of the year's grants they carry (one decree per regency).</summary>
    public sealed record DecreeRound(DateOnly On, double Share);

    /// <summary>Shares of the disbursed grants visited by a pendamping, and of those visited that were closed.</summary>
    public sealed record FollowUp(double Monitored, double Closed);

    public static DemoGrants Load() => DemoResource.Read<DemoGrants>("demo-grants.json");
}

/// <summary>The vocabulary of the generated applicants: kecamatan and businesses per regency (<c>places.json</c>), names and streets (<c>names.json</c>).</summary>
public sealed record DemoVocabulary(
    IReadOnlyList<string> Common,
    IReadOnlyDictionary<string, DemoVocabulary.RegencyPlaces> Regencies,
    IReadOnlyList<string> Female,
    IReadOnlyList<string> Male,
    IReadOnlyList<string> Family,
    IReadOnlyList<string> Streets)
{
    public sealed record RegencyPlaces(IReadOnlyList<string> Kecamatan, IReadOnlyList<string> Businesses);

    private sealed record Places(IReadOnlyList<string> Common, IReadOnlyDictionary<string, RegencyPlaces> Regencies);

    private sealed record Names(IReadOnlyList<string> Female, IReadOnlyList<string> Male, IReadOnlyList<string> Family, IReadOnlyList<string> Streets);

    public static DemoVocabulary Load()
    {
        var places = DemoResource.Read<Places>("places.json");
        var names = DemoResource.Read<Names>("names.json");
        return new DemoVocabulary(places.Common, places.Regencies, names.Female, names.Male, names.Family, names.Streets);
    }
}

internal static class DemoResource
{
    public static T Read<T>(string name)
    {
        using var stream = typeof(DemoResource).Assembly.GetManifestResourceStream($"demo/{name}")
            ?? throw new InvalidOperationException($"The embedded demo/{name} is missing.");
        return JsonSerializer.Deserialize<T>(stream, KoperasiJson.Options)
            ?? throw new InvalidOperationException($"The embedded demo/{name} is empty.");
    }
}

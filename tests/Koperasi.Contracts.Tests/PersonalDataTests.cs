using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using MassTransit.Serialization;

namespace Koperasi.Contracts.Tests;

/// <summary>
/// A contract goes to every subscriber and stays in their queues and error queues, so a citizen's
/// NIK never rides on one: events name a person by a pseudonym, and a keyed hash of the NIK finds
/// duplicates (DOMAIN.md, "Personal data"). These tests stop a contract that would carry one.
/// </summary>
public partial class PersonalDataTests
{
    // The ministry's number of a koperasi: a NIK in name only, unrelated to a citizen's.
    private static readonly HashSet<string> Unrelated = ["NikKoperasi"];

    private static readonly string[] CitizenIdWords = ["nik", "nkk", "ktp", "kk", "kependudukan"];

    private static readonly string[][] CitizenIdPhrases =
    [
        ["id", "number"], ["id", "card"], ["identity", "number"], ["identity", "card"], ["citizen", "id"],
        ["national", "id"], ["family", "card"], ["kartu", "keluarga"], ["nomor", "induk"], ["tanda", "penduduk"],
    ];

    [GeneratedRegex("[A-Z]+(?![a-z])|[A-Z][a-z0-9]*|[a-z0-9]+")]
    private static partial Regex Word();

    [GeneratedRegex("(?<![0-9])[0-9]{16}(?![0-9])")]
    private static partial Regex SixteenDigitRun();

    public static bool SuggestsCitizenId(string propertyName)
    {
        if (Unrelated.Contains(propertyName))
        {
            return false;
        }

        var words = Word().Matches(propertyName).Select(m => m.Value.ToLowerInvariant()).ToList();
        return words.Any(CitizenIdWords.Contains)
            || CitizenIdPhrases.Any(phrase => Enumerable.Range(0, words.Count - phrase.Length + 1).Any(i => words.Skip(i).Take(phrase.Length).SequenceEqual(phrase)));
    }

    [Theory]
    [InlineData("Nik", true)]
    [InlineData("NIK", true)]
    [InlineData("NikKtp", true)]
    [InlineData("ApplicantNik", true)]
    [InlineData("NikPemohon", true)]
    [InlineData("Ktp", true)]
    [InlineData("IdNumber", true)]
    [InlineData("CitizenId", true)]
    [InlineData("NationalIdNumber", true)]
    [InlineData("NomorIndukKependudukan", true)]
    [InlineData("NoKk", true)]
    [InlineData("FamilyCardNumber", true)]
    [InlineData("NikKoperasi", false)]
    [InlineData("Nib", false)]
    [InlineData("CooperativeId", false)]
    [InlineData("DecreeNumber", false)]
    [InlineData("PaidNumber", false)]
    [InlineData("Kecamatan", false)]
    public void A_property_name_that_suggests_a_citizen_id_is_recognised(string name, bool suggests) =>
        SuggestsCitizenId(name).ShouldBe(suggests);

    [Fact]
    public void No_contract_has_a_property_for_a_citizen_id()
    {
        var offending = ReachableTypes(ContractSnapshotTests.ContractTypes)
            .SelectMany(type => type.GetProperties().Where(p => SuggestsCitizenId(p.Name)).Select(p => $"{type.Name}.{p.Name}"))
            .ToList();

        offending.ShouldBeEmpty("contracts never carry a citizen's NIK: carry the person's pseudonym, or a keyed hash for duplicates");
    }

    [Fact]
    public void No_contract_sample_or_snapshot_holds_a_16_digit_run()
    {
        var samples = ContractSamples.All.Select(s => (Name: s.Key.Name, Json: JsonSerializer.Serialize(s.Value, s.Key, SystemTextJsonMessageSerializer.Options)));
        var snapshots = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Snapshots"), "*.json")
            .Select(file => (Name: Path.GetFileName(file), Json: File.ReadAllText(file)));

        samples.Concat(snapshots).Where(s => SixteenDigitRun().IsMatch(s.Json)).Select(s => s.Name).ShouldBeEmpty();
    }

    // The contracts and every type of the contracts' assembly their properties lead to (an address, a board member).
    private static HashSet<Type> ReachableTypes(IEnumerable<Type> roots)
    {
        var seen = new HashSet<Type>();
        var pending = new Stack<Type>(roots);
        while (pending.TryPop(out var type))
        {
            if (type.Assembly != typeof(IIntegrationEvent).Assembly || !seen.Add(type))
            {
                continue;
            }

            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                foreach (var used in Unwrap(property.PropertyType))
                {
                    pending.Push(used);
                }
            }
        }

        return seen;
    }

    private static IEnumerable<Type> Unwrap(Type type) =>
        type.IsArray ? Unwrap(type.GetElementType()!)
        : type.IsGenericType ? type.GetGenericArguments().SelectMany(Unwrap)
        : [type];
}

using Koperasi.Registry.Cooperatives;
using Koperasi.ServiceDefaults.Identity;

namespace Koperasi.Registry.Demo;

/// <summary>
/// Who supervises some of the demo koperasi: in each regency a sample of regency-level koperasi is
/// assigned to the pembina of that regency's development token (docs/gateway.md; without a name, one
/// user per regency: dev-pembina-1502 in Merangin), some with a visit, and in
/// some regencies (not all, so "regencies without a flagship" has answers) a few aktif koperasi
/// are candidates for flagship. Choices of the demo, not published figures.
/// </summary>
internal static class DemoSupervision
{
    /// <summary>The user of a pembina token of <paramref name="regency"/> minted without a name ("dev-pembina-1502" in Merangin).</summary>
    public static string DevelopmentPembinaOf(string regency) => DevelopmentUsers.Of(KoperasiRoles.Pembina, [regency]);

    /// <summary>The named pembina of the docs' example token (a pembina of Kerinci).</summary>
    public const string KerinciPembina = "siti";

    private const int AssignedPerRegency = 30;
    private const int VisitEvery = 3;
    private const double RegenciesWithFlagship = 0.6;
    private const int FlagshipCandidates = 5;

    private static readonly (string Findings, string Recommendations, string FollowUp)[] Visits =
    [
        ("The books are kept by hand and the last RAT report lacks the balance sheet.", "Keep the books in the SIMKOP application and prepare the balance sheet for the RAT.", "Send the balance sheet of the last financial year"),
        ("Members' savings are recorded but the board has not met this quarter.", "Hold a board meeting every quarter and minute it.", "Hold the quarterly board meeting"),
        ("The supervisory board has two members; the articles require three.", "Elect a third member of the supervisory board at the next members' meeting.", "Elect the third supervisor"),
        ("The shop is running well; stock is counted monthly.", "Prepare the RAT before the deadline.", "Set the date of the RAT"),
    ];

    public static IReadOnlyList<DemoCooperative> Assign(List<DemoCooperative> set, IReadOnlyList<DemoSlot> slots, DemoTargets targets, Random random)
    {
        var regencyLevel = Enumerable.Range(0, set.Count)
            .Where(i => slots[i].Level == SupervisionLevel.KabupatenKota)
            .GroupBy(i => slots[i].RegencyCode)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        foreach (var regency in regencyLevel)
        {
            var chosen = random.Sample([.. regency], Math.Min(AssignedPerRegency, regency.Count()), _ => 1);
            for (var n = 0; n < chosen.Count; n++)
            {
                var i = chosen[n];
                var user = regency.Key == "1501" && n % 2 == 0 ? KerinciPembina : DevelopmentPembinaOf(regency.Key);
                DemoVisit? visit = null;
                if (n % VisitEvery == 0)
                {
                    var (findings, recommendations, followUp) = random.Pick(Visits);
                    visit = new DemoVisit(NewId(random), random.Between(5, 150), findings, recommendations, followUp, random.Between(14, 60));
                }

                set[i] = set[i] with { Pembina = new DemoPembina(user, visit) };
            }
        }

        var regencies = targets.Regencies.Select(r => r.Code).ToList();
        var withFlagship = random.Sample(regencies, (int)Math.Ceiling(regencies.Count * RegenciesWithFlagship), _ => 1).ToHashSet();
        foreach (var regency in regencyLevel.Where(g => withFlagship.Contains(g.Key)))
        {
            // Aktif koperasi that held their RAT in the year before the published day, oldest legal entities first.
            var candidates = regency
                .Where(i => slots[i].Status == ActivityStatus.Aktif && !slots[i].MerahPutih
                    && (set[i].Request.RatHistory ?? []).Any(r => r.HeldOn <= targets.AsOf && r.HeldOn > targets.AsOf.AddYears(-1)))
                .OrderBy(i => set[i].Request.LegalEntity.DecreeDate)
                .Take(FlagshipCandidates);
            foreach (var i in candidates)
            {
                set[i] = set[i] with { FlagshipCandidate = true };
            }
        }

        return set;
    }

    private static Guid NewId(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }
}

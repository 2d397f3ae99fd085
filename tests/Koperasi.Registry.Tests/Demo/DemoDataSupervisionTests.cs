using Koperasi.Registry.Cooperatives;
using Koperasi.Registry.Demo;
using Koperasi.Registry.Supervision;
using Koperasi.ServiceDefaults.Identity;
using Koperasi.ServiceDefaults.Regions;

namespace Koperasi.Registry.Tests.Demo;

/// <summary>
/// The supervision facts of the demo set, without a store: the KDMP formed by the programme's date,
/// each the KDMP of its own desa and inside the published totals, and the NIK koperasi renewed so
/// that the valid holders on the published day are the published count, by the supervision's own rule.
/// </summary>
public class DemoDataSupervisionTests
{
    private static readonly DemoTargets Targets = DemoTargets.Load();
    private static readonly Lazy<IReadOnlyList<DemoCooperative>> Set = new(() => DemoData.GenerateSet(Targets));

    [Fact]
    public void The_targets_carry_the_published_KDMP_and_NIK_koperasi_figures()
    {
        var published = PublishedSupervisionFigures.Load();
        Targets.Kdmp.Count.ShouldBe(published.Kdmp);
        Targets.Kdmp.FormedBy.ShouldBe(published.KdmpFormedBy);
        Targets.NikKoperasi.ShouldBe(published.ValidNikKoperasi);
        Targets.AsOf.ShouldBe(published.ValidNikKoperasiOn);
    }

    [Fact]
    public void The_pembina_of_each_regency_is_the_user_of_that_regency_s_development_token()
    {
        var assigned = Set.Value.Where(c => c.Pembina is not null).ToList();

        // A pembina token of Merangin minted without a name (/dev/tokens/pembina?regency=1502) names dev-pembina-1502.
        DevelopmentUsers.Of(KoperasiRoles.Pembina, ["1502"]).ShouldBe("dev-pembina-1502");
        assigned.ShouldAllBe(c => c.Pembina!.UserId == DevelopmentUsers.Of(KoperasiRoles.Pembina, new[] { c.Request.Address.RegencyCode })
            || (c.Request.Address.RegencyCode == "1501" && c.Pembina.UserId == "siti"));
        var users = assigned.GroupBy(c => c.Request.Address.RegencyCode).ToDictionary(g => g.Key, g => g.Select(c => c.Pembina!.UserId).Where(u => u != "siti").ToHashSet());
        users.Count.ShouldBe(Targets.Regencies.Count);
        users.Values.ShouldAllBe(u => u.Count == 1);
        users.Values.SelectMany(u => u).Distinct().Count().ShouldBe(Targets.Regencies.Count);
    }

    [Fact]
    public void Each_KDMP_is_the_koperasi_of_its_own_desa_in_its_regency_and_no_desa_has_two()
    {
        var kdmp = Set.Value.Where(c => c.Kdmp is not null).ToList();
        kdmp.Count.ShouldBe(Targets.Kdmp.Count);
        kdmp.Select(c => c.Kdmp!.DesaCode).Distinct().Count().ShouldBe(kdmp.Count);
        foreach (var c in kdmp)
        {
            var desa = Places.FindDesa(c.Kdmp!.DesaCode).ShouldNotBeNull();
            var kecamatan = Places.FindKecamatan(desa.KecamatanCode).ShouldNotBeNull();
            kecamatan.RegencyCode.ShouldBe(c.Request.Address.RegencyCode);
            c.Request.Address.Village.ShouldBe(desa.Name);
            c.Request.Address.Kecamatan.ShouldBe(kecamatan.Name);
            c.Request.Name.ShouldContain("Merah Putih");
            c.Request.Type.ShouldBe(CooperativeType.Konsumen);
        }

        // Only the KDMP are named so.
        Set.Value.Count(c => c.Request.Name.Contains("Merah Putih", StringComparison.Ordinal)).ShouldBe(kdmp.Count);
    }

    [Fact]
    public void Every_KDMP_was_formed_step_by_step_by_the_programme_s_date_and_counts_in_the_published_totals()
    {
        var kdmp = Set.Value.Where(c => c.Kdmp is not null).ToList();
        kdmp.ShouldAllBe(c => c.Kdmp!.MusyawarahDesaKhusus < c.Kdmp.DeedOn && c.Kdmp.DeedOn <= c.Kdmp.LegalEntityOn);
        kdmp.ShouldAllBe(c => c.Kdmp!.LegalEntityOn <= Targets.Kdmp.FormedBy && c.Kdmp.MarkedOn <= Targets.Kdmp.FormedBy);

        // A KDMP founded by the programme became a legal entity by its steps; an older koperasi that
        // joined it (ADR 0020) had its amended articles approved in the programme's months.
        var founded = kdmp.Where(c => c.Request.LegalEntity.DecreeDate.Year == Targets.Kdmp.FormedBy.Year).ToList();
        founded.ShouldAllBe(c => c.Kdmp!.LegalEntityOn == c.Request.LegalEntity.DecreeDate && c.Kdmp.DeedOn == c.Request.Deed!.Date);
        founded.ShouldAllBe(c => c.Kdmp!.DecreeNumber == c.Request.LegalEntity.DecreeNumber);
        var joined = kdmp.Except(founded).ToList();
        joined.ShouldAllBe(c => c.Kdmp!.LegalEntityOn.Year == Targets.Kdmp.FormedBy.Year && c.Request.LegalEntity.DecreeDate < c.Kdmp.MusyawarahDesaKhusus);
        joined.ShouldAllBe(c => c.Kdmp!.DecreeNumber != c.Request.LegalEntity.DecreeNumber && c.Kdmp.MarkedOn == c.Kdmp.LegalEntityOn);
        founded.ShouldNotBeEmpty();
        joined.ShouldNotBeEmpty();

        // Inside the totals: the set is still one koperasi per published koperasi, and the provincial one is among the KDMP.
        Set.Value.Count.ShouldBe(Targets.Total);
        kdmp.Count(c => c.Request.SupervisionLevel == SupervisionLevel.Provinsi).ShouldBe(Targets.Provincial.KoperasiDesaMerahPutih);
    }

    [Fact]
    public void The_coverage_on_the_programme_s_date_counts_every_KDMP_and_none_the_day_before_the_first()
    {
        var states = Set.Value.Where(c => c.Kdmp is not null).Select(c => Supervision(c, Targets.Kdmp.FormedBy)).ToList();
        KdmpCoverage.PerRegency(states, Targets.Kdmp.FormedBy).Sum(r => r.DesaWithKdmp).ShouldBe(Targets.Kdmp.Count);
        KdmpCoverage.PerRegency(states, Targets.Kdmp.FormedBy).Sum(r => r.AllDesa).ShouldBe(Places.AllDesa.Count);
        var first = Set.Value.Where(c => c.Kdmp is not null).Min(c => c.Kdmp!.MarkedOn);
        KdmpCoverage.DesaWithKdmp(states, first.AddDays(-1)).ShouldBeEmpty();
    }

    [Fact]
    public void The_issue_and_renewal_dates_give_the_published_count_of_valid_NIK_koperasi_on_the_published_day_and_a_year_on()
    {
        var day = Targets.AsOf;
        var holders = Set.Value.Where(c => c.Request.NikKoperasi is not null).ToList();
        CooperativeSupervision.ValidNikKoperasiHolders(holders.Select(c => Supervision(c, day.AddYears(2))), day).ShouldBe(Targets.NikKoperasi);

        holders.ShouldAllBe(c => c.Request.NikKoperasi!.IssuedOn <= day);

        // A year on, the renewals keep them valid; without the renewals they would have lapsed.
        var yearOn = day.AddYears(1);
        CooperativeSupervision.ValidNikKoperasiHolders(holders.Select(c => Supervision(c, yearOn)), yearOn).ShouldBe(Targets.NikKoperasi);
        var unrenewed = holders.Select(c => Supervision(c with { NikKoperasiRenewals = [] }, yearOn));
        CooperativeSupervision.ValidNikKoperasiHolders(unrenewed, yearOn).ShouldBe(0);

        // Renewed on the anniversaries of the issue, after it.
        holders.ShouldAllBe(c => c.NikKoperasiRenewals.All(r => r > c.Request.NikKoperasi!.IssuedOn && r.Month == c.Request.NikKoperasi.IssuedOn.Month));
    }

    /// <summary>The supervision state the loader records for the koperasi, through the aggregate's decisions, by <paramref name="today"/>.</summary>
    private static CooperativeSupervision Supervision(DemoCooperative c, DateOnly today)
    {
        var id = Guid.NewGuid();
        var koperasi = new Cooperative
        {
            Id = id,
            Name = c.Request.Name,
            Form = c.Request.Form,
            Type = c.Request.Type,
            SupervisionLevel = c.Request.SupervisionLevel,
            BusinessField = c.Request.BusinessField,
            Address = c.Request.Address.ToAddress(),
            LegalEntity = c.Request.LegalEntity,
            NikKoperasi = c.Request.NikKoperasi,
        };
        var state = new CooperativeSupervision { CooperativeId = id, RegencyCode = c.Request.Address.RegencyCode };
        if (c.Request.NikKoperasi is { } nik)
        {
            state = CooperativeSupervision.Fold(state, new DetailsChanged(id, null, null, null, null, nik))!;
            foreach (var on in c.NikKoperasiRenewals.Where(on => on <= today))
            {
                state = Apply(state, state.RenewNikKoperasi(koperasi, new RenewNikKoperasi(nik.Number, on), today));
            }
        }

        if (c.Kdmp is { } kdmp)
        {
            state = Apply(state, state.MarkKdmp(koperasi, new MarkKdmp(kdmp.DesaCode, kdmp.MarkedOn), today));
            state = Apply(state, state.RecordKdmpFormationStep(koperasi, new RecordKdmpFormationStep(KdmpFormationStep.MusyawarahDesaKhusus, kdmp.MusyawarahDesaKhusus, null), today));
            state = Apply(state, state.RecordKdmpFormationStep(koperasi, new RecordKdmpFormationStep(KdmpFormationStep.Deed, kdmp.DeedOn, kdmp.DeedNumber), today));
            state = Apply(state, state.RecordKdmpFormationStep(koperasi, new RecordKdmpFormationStep(KdmpFormationStep.LegalEntity, kdmp.LegalEntityOn, kdmp.DecreeNumber), today));
        }

        return state;
    }

    private static CooperativeSupervision Apply(CooperativeSupervision state, Koperasi.ServiceDefaults.Decisions.Decision decision)
    {
        decision.Error.ShouldBeNull();
        return decision.Events.Aggregate(state, (s, e) => CooperativeSupervision.Fold(s, e)!);
    }
}

using Koperasi.Registry.Supervision;
using Koperasi.ServiceDefaults.Decisions;
using static Koperasi.Registry.Tests.Domain.Registrations;

namespace Koperasi.Registry.Tests.Domain;

/// <summary>Kopdes/Kel Merah Putih: one KDMP per desa, formation steps in order, coverage on a day.</summary>
public class KdmpTests
{
    private static readonly DateOnly Today = Supervised.Today;

    // Kelurahan Pasar Bangko, kecamatan Bangko (15.02.02), Merangin (BPS 1502).
    private const string PasarBangko = "15.02.02.1010";

    private static MarkKdmp Mark(string desa = PasarBangko, DateOnly? on = null) => new(desa, on ?? D(2025, 7, 21));

    private static Supervised Marked(string desa = PasarBangko, DateOnly? on = null)
    {
        var koperasi = Supervised.Koperasi();
        Accepted(koperasi.When((s, k) => s.MarkKdmp(k, Mark(desa, on), Today)));
        return koperasi;
    }

    [Fact]
    public void A_koperasi_is_marked_the_KDMP_of_a_desa_of_its_regency()
    {
        var koperasi = Supervised.Koperasi();

        var marked = Accepted(koperasi.When((s, k) => s.MarkKdmp(k, Mark(), Today))).ShouldHaveSingleItem().ShouldBeOfType<KdmpMarked>();

        marked.ShouldBe(new KdmpMarked(koperasi.Koperasi().Id, PasarBangko, "15.02.02", "1502", D(2025, 7, 21)));
        koperasi.Supervision.Kdmp!.DesaCode.ShouldBe(PasarBangko);
    }

    [Fact]
    public void A_desa_of_another_regency_or_an_unknown_one_is_refused_naming_the_field()
    {
        var koperasi = Supervised.Koperasi(regency: "1502");

        var outside = Rejected(koperasi.When((s, k) => s.MarkKdmp(k, Mark("15.08.01.2001"), Today)));
        (outside.Rule, outside.Field).ShouldBe(("kdmp-desa-outside-regency", "desaCode"));
        outside.Detail.ShouldContain("Bungo");

        var unknown = Rejected(koperasi.When((s, k) => s.MarkKdmp(k, Mark("15.02.02.9999"), Today)));
        (unknown.Rule, unknown.Field).ShouldBe(("unknown-desa", "desaCode"));
    }

    [Fact]
    public void A_desa_of_another_kecamatan_of_its_regency_is_refused_naming_the_rule()
    {
        // Given a koperasi of kecamatan Bangko (Merangin), when marked as the KDMP of Renah Kemumu (kecamatan Jangkat, Merangin)
        var koperasi = Supervised.Koperasi(regency: "1502");

        var outside = Rejected(koperasi.When((s, k) => s.MarkKdmp(k, Mark("15.02.01.2001"), Today)));

        // Then it is refused, naming the rule, the field and both kecamatan, and nothing is recorded
        (outside.Rule, outside.Field, outside.Kind).ShouldBe(("kdmp-desa-outside-kecamatan", "desaCode", DomainErrorKind.Unprocessable));
        outside.Detail.ShouldContain("Jangkat");
        outside.Detail.ShouldContain("Bangko");
        koperasi.Supervision.Kdmp.ShouldBeNull();
    }

    [Fact]
    public void The_kecamatan_code_of_the_address_decides_over_its_free_text()
    {
        // Given a koperasi whose address carries the code of kecamatan Jangkat (its free text still says Bangko)
        var koperasi = Supervised.Koperasi(regency: "1502");
        koperasi.And(new Cooperatives.KecamatanCodeRecorded(koperasi.Koperasi().Id, "15.02.01"));

        Rejected(koperasi.When((s, k) => s.MarkKdmp(k, Mark(PasarBangko), Today))).Rule.ShouldBe("kdmp-desa-outside-kecamatan");
        Accepted(koperasi.When((s, k) => s.MarkKdmp(k, Mark("15.02.01.2001"), Today))).ShouldHaveSingleItem().ShouldBeOfType<KdmpMarked>().KecamatanCode.ShouldBe("15.02.01");
    }

    [Fact]
    public void A_koperasi_whose_kecamatan_names_none_of_its_regency_is_refused_until_its_address_is_corrected()
    {
        // "Bangko" is a kecamatan of Merangin, not of Kota Jambi
        var koperasi = Supervised.Koperasi(regency: "1571");

        var unknown = Rejected(koperasi.When((s, k) => s.MarkKdmp(k, Mark("15.71.04.1001"), Today)));

        (unknown.Rule, unknown.Field).ShouldBe(("kdmp-kecamatan-unknown", "desaCode"));
    }

    [Fact]
    public void A_dissolved_KDMP_frees_its_desa_from_the_day_it_ended()
    {
        // Given the KDMP of Pasar Bangko merged away on 1 October 2026
        var merged = Marked().Dissolved(D(2026, 10, 1)).Supervision;
        var newcomer = Supervised.Koperasi(name: "Koperasi Merah Putih Pasar Bangko Baru");
        var marking = new KdmpMarked(newcomer.Koperasi().Id, PasarBangko, "15.02.02", "1502", D(2026, 10, 1));

        // Then a new KDMP is marked from that day, not before it
        KdmpDesaClaim.CheckPrevious([merged], newcomer.Koperasi().Id, marking).ShouldBeNull();
        var early = KdmpDesaClaim.CheckPrevious([merged], newcomer.Koperasi().Id, marking with { MarkedOn = D(2026, 9, 30) }).ShouldNotBeNull();
        (early.Rule, early.Field, early.Kind).ShouldBe(("kdmp-before-previous-ended", "markedOn", DomainErrorKind.Unprocessable));
        early.Detail.ShouldContain("2026-10-01");

        // And while the previous one exists, the desa is taken
        KdmpDesaClaim.CheckPrevious([Marked().Supervision], newcomer.Koperasi().Id, marking).ShouldNotBeNull().Rule.ShouldBe("desa-already-has-kdmp");
    }

    [Fact]
    public void The_KDMP_claims_end_for_the_koperasi_a_transformation_dissolves()
    {
        var survivor = Guid.NewGuid();
        var absorbed = Guid.NewGuid();
        var decision = new Cooperatives.TransformationDecision(
        [
            new Cooperatives.StreamEvents(survivor, [new object()]),
            new Cooperatives.StreamEvents(absorbed, [new Cooperatives.DissolutionRecorded(absorbed, Cooperatives.DissolutionReason.Merger, D(2026, 10, 1), survivor, Guid.NewGuid(), true)]),
        ]);

        KdmpDesaClaim.EndedBy(decision).ShouldBe([absorbed]);
        KdmpDesaClaim.EndedBy(Cooperatives.TransformationDecision.AlreadyApplied).ShouldBeEmpty();
    }

    [Fact]
    public void A_merged_away_KDMP_leaves_the_coverage_on_the_merger_date()
    {
        var koperasi = Marked();

        koperasi.Dissolved(D(2026, 10, 1));

        KdmpCoverage.DesaWithKdmp([koperasi.Supervision], D(2026, 9, 30)).ShouldBe([PasarBangko]);
        KdmpCoverage.DesaWithKdmp([koperasi.Supervision], D(2026, 10, 1)).ShouldBeEmpty();
    }

    [Fact]
    public void A_koperasi_is_the_KDMP_of_one_desa()
    {
        var koperasi = Marked();

        Accepted(koperasi.When((s, k) => s.MarkKdmp(k, Mark(), Today))).ShouldBeEmpty();
        var error = Rejected(koperasi.When((s, k) => s.MarkKdmp(k, Mark("15.02.02.1009"), Today)));
        (error.Rule, error.Kind).ShouldBe(("kdmp-already-marked", DomainErrorKind.Conflict));
    }

    [Fact]
    public void A_marking_is_not_in_the_future_nor_of_a_dissolved_koperasi()
    {
        Rejected(Supervised.Koperasi().When((s, k) => s.MarkKdmp(k, Mark(on: Today.AddDays(1)), Today))).Rule.ShouldBe("kdmp-marked-in-future");
        Rejected(Supervised.Koperasi().Dissolved(D(2026, 1, 1)).When((s, k) => s.MarkKdmp(k, Mark(), Today))).Rule.ShouldBe("cooperative-dissolved");
    }

    [Fact]
    public void A_desa_has_at_most_one_KDMP()
    {
        var first = Marked();
        var second = Supervised.Koperasi(name: "Koperasi Desa Merah Putih Pasar Bangko");
        var claim = KdmpDesaClaim.GivenBy(first.Events).ShouldNotBeNull();
        claim.ShouldBe(new KdmpDesaClaim(PasarBangko, first.Koperasi().Id));

        var error = KdmpDesaClaim.Check(claim, second.Koperasi().Id).ShouldNotBeNull();

        (error.Rule, error.Kind, error.Field).ShouldBe(("desa-already-has-kdmp", DomainErrorKind.Conflict, "desaCode"));
        KdmpDesaClaim.Check(claim, first.Koperasi().Id).ShouldBeNull();
        KdmpDesaClaim.Check(null, second.Koperasi().Id).ShouldBeNull();
    }

    [Fact]
    public void Formation_steps_are_dated_and_follow_each_other()
    {
        var koperasi = Marked();
        Accepted(koperasi.When((s, k) => s.RecordKdmpFormationStep(k, new RecordKdmpFormationStep(KdmpFormationStep.MusyawarahDesaKhusus, D(2025, 5, 10), null), Today)));
        Accepted(koperasi.When((s, k) => s.RecordKdmpFormationStep(k, new RecordKdmpFormationStep(KdmpFormationStep.LegalEntity, D(2025, 7, 21), "AHU-0012345.AH.01.29.TAHUN 2025"), Today)));

        Rejected(koperasi.When((s, k) => s.RecordKdmpFormationStep(k, new RecordKdmpFormationStep(KdmpFormationStep.Deed, D(2025, 5, 9), "12"), Today)))
            .Rule.ShouldBe("kdmp-steps-out-of-order");
        Rejected(koperasi.When((s, k) => s.RecordKdmpFormationStep(k, new RecordKdmpFormationStep(KdmpFormationStep.Deed, D(2025, 7, 22), "12"), Today)))
            .Rule.ShouldBe("kdmp-steps-out-of-order");
        Accepted(koperasi.When((s, k) => s.RecordKdmpFormationStep(k, new RecordKdmpFormationStep(KdmpFormationStep.Deed, D(2025, 6, 2), "12"), Today)))
            .ShouldHaveSingleItem().ShouldBeOfType<KdmpFormationStepRecorded>();

        koperasi.Supervision.Kdmp!.Steps.Keys.Order().ShouldBe([KdmpFormationStep.MusyawarahDesaKhusus, KdmpFormationStep.Deed, KdmpFormationStep.LegalEntity]);
        Accepted(koperasi.When((s, k) => s.RecordKdmpFormationStep(k, new RecordKdmpFormationStep(KdmpFormationStep.Deed, D(2025, 6, 2), "12"), Today))).ShouldBeEmpty();
        Rejected(koperasi.When((s, k) => s.RecordKdmpFormationStep(k, new RecordKdmpFormationStep(KdmpFormationStep.Deed, D(2025, 6, 3), "12"), Today)))
            .Rule.ShouldBe("kdmp-step-already-recorded");
    }

    [Fact]
    public void A_step_needs_a_marking_and_a_date_that_has_come()
    {
        Rejected(Supervised.Koperasi().When((s, k) => s.RecordKdmpFormationStep(k, new RecordKdmpFormationStep(KdmpFormationStep.Deed, D(2025, 6, 2), "12"), Today)))
            .Rule.ShouldBe("kdmp-not-marked");
        Rejected(Marked().When((s, k) => s.RecordKdmpFormationStep(k, new RecordKdmpFormationStep(KdmpFormationStep.Deed, Today.AddDays(1), "12"), Today)))
            .Rule.ShouldBe("kdmp-step-in-future");
    }

    [Fact]
    public void Coverage_per_kecamatan_and_regency_is_desa_with_a_KDMP_over_all_desa_on_the_day()
    {
        var july = Marked(PasarBangko, D(2025, 7, 21));
        var august = Marked("15.02.02.1009", D(2025, 8, 5));
        var dissolved = Marked("15.02.02.1011", D(2025, 7, 1)).Dissolved(D(2025, 8, 1));
        var all = new[] { july.Supervision, august.Supervision, dissolved.Supervision };

        Row(KdmpCoverage.PerKecamatan(all, D(2025, 7, 21)), "15.02.02").ShouldBe(new KdmpCoverageRow("15.02.02", "Bangko", 2, 8));
        Row(KdmpCoverage.PerKecamatan(all, D(2025, 8, 1)), "15.02.02").DesaWithKdmp.ShouldBe(1);
        Row(KdmpCoverage.PerKecamatan(all, D(2025, 8, 29)), "15.02.02").DesaWithKdmp.ShouldBe(2);

        var regencies = KdmpCoverage.PerRegency(all, D(2025, 8, 29));
        Row(regencies, "1502").ShouldBe(new KdmpCoverageRow("1502", "Merangin", 2, 215));
        regencies.Count.ShouldBe(11);
        regencies.Sum(r => r.AllDesa).ShouldBe(1_585);
        regencies.Where(r => r.Code != "1502").ShouldAllBe(r => r.DesaWithKdmp == 0);
        KdmpCoverage.PerKecamatan(all, D(2025, 6, 30)).Sum(r => r.DesaWithKdmp).ShouldBe(0);
    }

    private static KdmpCoverageRow Row(IEnumerable<KdmpCoverageRow> rows, string code) => rows.Single(r => r.Code == code);
}

using Koperasi.ServiceDefaults.Regions;

namespace Koperasi.ServiceDefaults.Tests.Regions;

/// <summary>Kecamatan and desa are found by code or by name, only where they belong.</summary>
public class PlacesTests
{
    [Fact]
    public void Every_kecamatan_and_desa_of_Jambi_is_loaded_under_a_known_parent()
    {
        Places.AllKecamatan.Count.ShouldBe(144);
        Places.AllDesa.Count.ShouldBe(1_585);
        Places.AllKecamatan.Select(k => k.RegencyCode).Distinct().Order().ShouldBe(Regencies.All.Select(r => r.Code));
        Places.AllDesa.Where(d => Places.FindKecamatan(d.KecamatanCode) is null).ShouldBeEmpty();
        Regencies.All.Sum(r => Places.KecamatanOf(r.Code).Count).ShouldBe(144);
    }

    [Fact]
    public void A_kecamatan_s_regency_is_stored_as_BPS_though_its_code_is_Kemendagri()
    {
        // 15.06 is Tanjung Jabung Barat, BPS 1507: its kecamatan belong to 1507, not 1506.
        var kecamatan = Places.KecamatanOf("15.06");
        kecamatan.Count.ShouldBe(13);
        kecamatan.ShouldAllBe(k => k.RegencyCode == "1507" && k.Code.StartsWith("15.06.", StringComparison.Ordinal));
        Places.KecamatanOf("1507").ShouldBe(kecamatan);
    }

    [Theory]
    [InlineData("15.71.04")]
    [InlineData(" 15.71.04 ")]
    [InlineData("Pasar Jambi")]
    [InlineData("pasar   JAMBI")]
    [InlineData("  Pasar Jambi\t")]
    public void A_kecamatan_is_found_by_code_or_by_name_in_its_regency(string input)
    {
        var found = Places.ResolveKecamatan("1571", input, "address.kecamatan");

        found.Error.ShouldBeNull();
        found.Place.ShouldBe(new Kecamatan("15.71.04", "1571", "Pasar Jambi"));
    }

    [Fact]
    public void The_regency_may_be_given_in_either_code_system() =>
        Places.ResolveKecamatan("15.71", "Telanaipura", "k").Place!.Code.ShouldBe("15.71.01");

    [Fact]
    public void A_kecamatan_code_of_another_regency_is_refused_naming_the_field()
    {
        // Jangkat (15.02.01) is in Merangin.
        var refused = Places.ResolveKecamatan("1571", "15.02.01", "address.kecamatan");

        refused.IsRefused.ShouldBeTrue();
        refused.Place.ShouldBeNull();
        refused.Error!.Rule.ShouldBe("kecamatan-outside-regency");
        refused.Error.Field.ShouldBe("address.kecamatan");
        refused.Error.Detail.ShouldContain("Merangin");
        refused.Error.Detail.ShouldContain("Kota Jambi");
    }

    [Fact]
    public void A_kecamatan_name_of_another_regency_is_not_found_in_this_one() =>
        Places.ResolveKecamatan("1571", "Jangkat", "address.kecamatan").Error!.Rule.ShouldBe("unknown-kecamatan");

    [Theory]
    [InlineData("15.71.99", "unknown-kecamatan")]
    [InlineData("Kecamatan Entah", "unknown-kecamatan")]
    [InlineData("", "kecamatan-required")]
    [InlineData("   ", "kecamatan-required")]
    [InlineData(null, "kecamatan-required")]
    public void An_unknown_or_missing_kecamatan_is_refused_naming_the_field(string? input, string rule)
    {
        var refused = Places.ResolveKecamatan("1571", input, "kecamatan");

        refused.Error!.Rule.ShouldBe(rule);
        refused.Error.Field.ShouldBe("kecamatan");
        refused.Place.ShouldBeNull();
    }

    [Fact]
    public void An_unknown_regency_finds_no_kecamatan()
    {
        Places.ResolveKecamatan("1599", "Pasar Jambi", "kecamatan").Error!.Rule.ShouldBe("unknown-regency");
        Places.KecamatanOf("1599").ShouldBeEmpty();
    }

    [Fact]
    public void A_refusal_does_not_repeat_the_name_it_was_sent() =>
        Places.ResolveKecamatan("1571", "Ahmad 3171234567890123", "kecamatan").Error!.Detail.ShouldNotContain("3171234567890123");

    [Theory]
    [InlineData("15.71.04.1002")]
    [InlineData("Orang Kayo Hitam")]
    [InlineData("orang  kayo hitam")]
    public void A_desa_is_found_by_code_or_by_name_in_its_kecamatan(string input)
    {
        var expected = Places.FindDesa("15.71.04.1002")!;
        expected.Name.ShouldBe("Orang Kayo Hitam");

        var found = Places.ResolveDesa("15.71.04", input, "address.desa");

        found.Error.ShouldBeNull();
        found.Place.ShouldBe(expected);
    }

    [Fact]
    public void A_desa_code_of_another_kecamatan_is_refused_naming_the_field()
    {
        var refused = Places.ResolveDesa("15.71.01", "15.71.04.1002", "address.desa");

        refused.Error!.Rule.ShouldBe("desa-outside-kecamatan");
        refused.Error.Field.ShouldBe("address.desa");
    }

    [Theory]
    [InlineData("15.71.04.9999", "unknown-desa")]
    [InlineData("Desa Entah", "unknown-desa")]
    [InlineData(" ", "desa-required")]
    public void An_unknown_or_missing_desa_is_refused_naming_the_field(string input, string rule)
    {
        var refused = Places.ResolveDesa("15.71.04", input, "address.desa");

        refused.Error!.Rule.ShouldBe(rule);
        refused.Error.Field.ShouldBe("address.desa");
    }

    [Fact]
    public void A_desa_of_an_unknown_kecamatan_is_refused() =>
        Places.ResolveDesa("15.71.99", "Orang Kayo Hitam", "address.desa").Error!.Rule.ShouldBe("unknown-kecamatan");

    [Fact]
    public void A_name_a_desa_and_a_kelurahan_of_one_kecamatan_share_asks_for_the_code()
    {
        // Kecamatan Merlung has the kelurahan 15.06.05.1007 and the desa 15.06.05.2020, both "Merlung".
        var refused = Places.ResolveDesa("15.06.05", "Merlung", "address.desa");

        refused.Error!.Rule.ShouldBe("ambiguous-desa");
        refused.Error.Detail.ShouldContain("15.06.05.1007");
        refused.Error.Detail.ShouldContain("15.06.05.2020");
        Places.ResolveDesa("15.06.05", "15.06.05.2020", "address.desa").Place!.Code.ShouldBe("15.06.05.2020");
    }

    [Theory]
    [InlineData("1571", "Pasar Jambi", "15.71.04")]
    [InlineData("1571", " PASAR  jambi ", "15.71.04")]
    [InlineData("1502", "bangko", "15.02.02")]
    [InlineData("1571", "Jangkat", null)]
    [InlineData("1571", "Kec. Pasar Jambi", null)]
    [InlineData("1571", "", null)]
    [InlineData("1571", null, null)]
    [InlineData("1571", "15.71.04", null)]
    public void The_one_off_mapping_records_a_code_only_where_the_name_matches(string regency, string? freeText, string? code) =>
        Places.KecamatanCodeOf(regency, freeText).ShouldBe(code);
}

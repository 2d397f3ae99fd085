using Koperasi.Console.Gateway;

namespace Koperasi.Console.Tests;

public class ProblemDisplayTests
{
    [Fact]
    public void A_broken_rule_is_shown_in_Indonesian_by_its_name_with_the_API_detail_as_fine_print()
    {
        var problem = Masalah.From(409, """{"type":"urn:koperasi:problem:rat-year-already-reported","title":"Conflict","status":409,"detail":"The RAT of 2025 is already reported.","rule":"rat-year-already-reported"}""");

        problem.Rule.ShouldBe("rat-year-already-reported");
        problem.Judul.ShouldBe("RAT untuk tahun buku ini sudah dilaporkan.");
        problem.Rincian.ShouldBe("The RAT of 2025 is already reported.");
    }

    [Fact]
    public void The_rule_is_read_from_the_problem_type_when_the_member_is_absent()
    {
        var problem = Masalah.From(409, """{"type":"urn:koperasi:problem:concurrency-conflict","title":"Conflict","status":409}""");

        problem.Rule.ShouldBe("concurrency-conflict");
        problem.Judul.ShouldStartWith("Data ini sudah diubah orang lain");
    }

    [Fact]
    public void Refused_fields_are_named_by_their_Indonesian_labels()
    {
        var problem = Masalah.From(400, """{"type":"urn:koperasi:problem:validation","title":"One or more validation errors occurred.","status":400,"errors":{"membersPresent":["Must not exceed membersTotal."],"board[0].name":["Required."],"unheardOf":["Bad."]}}""");

        problem.Judul.ShouldBe("Isian belum benar. Periksa kolom yang ditandai.");
        problem.Fields.Select(f => (f.Label, f.Text)).ShouldBe([("Anggota hadir", "Must not exceed membersTotal."), ("Nama", "Required."), ("unheardOf", "Bad.")]);
    }

    [Theory]
    [InlineData(403, "Peran Anda tidak berwenang melakukan ini.")]
    [InlineData(422, "Permintaan melanggar aturan.")]
    [InlineData(503, "Layanan sedang mengalami gangguan. Coba lagi beberapa saat lagi.")]
    public void An_unknown_rule_falls_back_to_a_text_by_status_and_keeps_the_API_detail(int status, string expected)
    {
        var problem = Masalah.From(status, """{"type":"urn:koperasi:problem:a-rule-nobody-translated","status":0,"detail":"Something specific."}""");

        problem.Judul.ShouldBe(expected);
        problem.Rincian.ShouldBe("Something specific.");
    }

    [Fact]
    public void A_body_that_is_not_a_problem_still_gives_a_text()
    {
        Masalah.From(502, "<html>bad gateway</html>").Judul.ShouldBe("Layanan sedang mengalami gangguan. Coba lagi beberapa saat lagi.");
        Masalah.From(404, null).Judul.ShouldBe("Data tidak ditemukan.");
    }

    [Fact]
    public void The_outside_regency_rule_has_its_text()
    {
        var problem = Masalah.From(403, $$"""{"type":"urn:koperasi:problem:{{ServiceDefaults.Identity.OutsideRegency.Rule}}","status":403}""");
        problem.Judul.ShouldBe("Koperasi ini berada di luar kabupaten/kota wilayah tugas Anda.");
    }
}

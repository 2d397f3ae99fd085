using System.Text.Json;
using Koperasi.Console.Gateway;
using Koperasi.Console.Pages.Kasus;

namespace Koperasi.Console.Tests;

/// <summary>The Kasus pages' forms and texts, without a platform.</summary>
public class KasusFormsTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static readonly Guid Koperasi = Guid.Parse("0196a2f0-0000-7000-8000-000000000001");

    [Theory]
    [InlineData("../../cases/mergers")]
    [InlineData("sending")]
    [InlineData("")]
    public void A_dissolution_step_the_console_does_not_know_is_never_sent(string step)
    {
        var form = new DissolutionStepForm { Step = step, On = new DateOnly(2026, 11, 2), Text = "x" };

        var (body, missing) = form.Request(Koperasi);

        body.ShouldBeNull();
        missing.ShouldBe("step");
    }

    [Fact]
    public void A_field_verification_sends_the_village_letter_as_the_API_names_it()
    {
        var form = new DissolutionStepForm
        {
            Step = "field-verification", On = new DateOnly(2026, 11, 2), SecondOn = new DateOnly(2026, 10, 30), Number = "140/22/DS", Text = "Desa Sungai Duren",
        };

        var (body, missing) = form.Request(Koperasi);

        missing.ShouldBeNull();
        JsonSerializer.Serialize(body, Web)
            .ShouldBe("""{"verifiedOn":"2026-11-02","letter":{"number":"140/22/DS","date":"2026-10-30","desa":"Desa Sungai Duren"}}""");
    }

    [Fact]
    public void A_dissolution_meeting_names_the_dissolving_koperasi_and_needs_every_count()
    {
        var form = new DissolutionStepForm { Step = "meeting", On = new DateOnly(2026, 11, 2), MembersTotal = 40, MembersPresent = 32, VotesFor = 30 };

        form.Request(Koperasi).Body.ShouldBeNull();
        form.VotesAgainst = 2;
        var body = JsonSerializer.Serialize(form.Request(Koperasi).Body, Web);
        body.ShouldContain($"\"cooperativeId\":\"{Koperasi}\"");
        body.ShouldContain("\"votesAgainst\":2");
    }

    [Fact]
    public void A_liquidation_team_is_one_member_per_line()
    {
        var form = new DissolutionStepForm { Step = "liquidation-team", On = new DateOnly(2027, 3, 1), Text = "Drs. Ahmad Yani\r\n\r\n  Siti Aminah  \n" };

        var body = (Dictionary<string, object?>)form.Request(Koperasi).Body!;

        body["members"].ShouldBe(new List<string> { "Drs. Ahmad Yani", "Siti Aminah" });
    }

    [Theory]
    [InlineData("members-total-below-register", "Jumlah anggota lebih kecil daripada jumlah anggota di register.")]
    [InlineData("cooperative-in-open-case", "Koperasi ini sedang dalam kasus lain yang masih terbuka.")]
    [InlineData("quorum-not-met", "Kuorum rapat anggota tidak tercapai; kasus ditolak.")]
    public void The_rules_a_case_step_can_break_are_shown_in_Indonesian(string rule, string text) =>
        Masalah.From(422, $$"""{"type":"urn:koperasi:problem:{{rule}}","detail":"English."}""").Judul.ShouldBe(text);

    [Fact]
    public void Case_values_are_shown_in_Indonesian_and_other_values_fall_back_to_the_console_s_terms()
    {
        IstilahKasus.Of("awaiting-ratification").ShouldBe("Menunggu pengesahan kementerian");
        IstilahKasus.Of("merger-proposed").ShouldBe("Penggabungan diusulkan");
        IstilahKasus.Of("admin-provinsi").ShouldBe("Admin provinsi");
        IstilahKasus.Of("something-new").ShouldBe("something-new");
    }

    [Fact]
    public void An_amalgamation_sends_the_new_koperasi_in_the_page_s_regency_and_a_scheme_only_for_simpan_pinjam()
    {
        var other = Guid.Parse("0196a2f0-0000-7000-8000-000000000002");
        var form = new AmalgamationForm
        {
            Regency = "1571", ParticipantIds = [Koperasi, other, Koperasi], Name = "Koperasi Lebur", SavingsLoanScheme = "open-loop",
            Street = "Jl. Sudirman 1", Kecamatan = "Telanaipura", BusinessField = "Warung",
        };

        var body = JsonSerializer.Serialize(form.Request(), Web);

        body.ShouldContain($"\"participantIds\":[\"{Koperasi}\",\"{other}\"]");
        body.ShouldContain("\"domicile\":{\"street\":\"Jl. Sudirman 1\",\"kecamatan\":\"Telanaipura\",\"regencyCode\":\"1571\"}");
        body.ShouldContain("\"savingsLoanScheme\":null");
        form.Type = "simpan-pinjam";
        JsonSerializer.Serialize(form.Request(), Web).ShouldContain("\"savingsLoanScheme\":\"open-loop\"");
    }

    [Fact]
    public void An_articles_change_sends_only_the_parts_filled_in()
    {
        var form = new ArticlesAmendmentForm { Name = "  ", OtherArticles = "Pasal 5 diubah.", Form = "" };

        var changes = JsonSerializer.Serialize(form.Request(Koperasi).Changes, Web);

        changes.ShouldBe("""{"name":null,"domicile":null,"type":null,"savingsLoanScheme":null,"form":null,"businessField":null,"otherArticles":"Pasal 5 diubah."}""");
        form.Kecamatan = "Kotabaru";
        form.Request(Koperasi).Changes.Domicile.ShouldNotBeNull();
    }

    [Fact]
    public void A_members_dissolution_sends_the_proposers_count_only_when_members_propose()
    {
        var form = new MembersDissolutionForm { ProposerCount = 12 };

        form.Request(Koperasi).ProposerCount.ShouldBeNull();
        form.Proposer = "members";
        form.Request(Koperasi).ProposerCount.ShouldBe(12);
    }
}

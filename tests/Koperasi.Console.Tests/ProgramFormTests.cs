using Koperasi.Console.Gateway;
using Koperasi.Console.Pages.Dumisake;

namespace Koperasi.Console.Tests;

/// <summary>The programme form's requests (what Funding's open and change take) and the texts of the rules they can break.</summary>
public class ProgramFormTests
{
    private static readonly ProgrammeDto Programme = new(
        Guid.NewGuid(), 7, 2030, "Dumisake UMKM 2030", 10_000_000_000m, 2000,
        [new GrantCategoryDto("mak-mak", "Mak-mak", 5_000_000m, true)],
        new Dictionary<string, int> { ["1503"] = 200 }, new DateOnly(2030, 1, 1),
        new ApplicationWindowDto(new DateOnly(2030, 1, 1), new DateOnly(2030, 12, 31)),
        new DecreedSummaryDto(0, 0, 10_000_000_000m, new Dictionary<string, int>()));

    [Fact]
    public void A_new_programme_sends_its_filled_category_rows_open_and_only_the_quotas_given()
    {
        var form = ProgramForm.For(2031);
        form.Name = " Dumisake 2031 ";
        form.Budget = 19_330_000_000m;
        form.TargetRecipients = 1500;
        form.Categories[1].Code = "milenial";
        form.Categories[1].Name = "Milenial";
        form.Categories[1].Amount = 5_000_000m;
        form.Quotas.Single(q => q.Regency == "1502").Quota = 40;

        var (request, problem) = form.ToOpen();

        problem.ShouldBeNull();
        request.ShouldNotBeNull();
        request.Year.ShouldBe(2031);
        request.Name.ShouldBe("Dumisake 2031");
        request.Window.ShouldBe(new WindowRequest(new DateOnly(2031, 1, 1), new DateOnly(2031, 12, 31)));
        request.Categories.ShouldBe([new CategoryRequest("milenial", "Milenial", 5_000_000m, true)]);
        request.RegencyQuotas.ShouldBe(new Dictionary<string, int> { ["1502"] = 40 });
    }

    [Fact]
    public void A_change_keeps_every_existing_category_closing_an_unticked_one_and_sends_the_quotas_whole()
    {
        var form = ProgramForm.Of(Programme, "7");
        form.Categories.Count.ShouldBe(1 + ProgramForm.NewCategoryRows);
        form.Quotas.Count.ShouldBe(Koperasi.ServiceDefaults.Regions.Regencies.All.Count);
        form.Categories[0].Open = false;
        form.Quotas.Single(q => q.Regency == "1503").Quota = null;
        form.Budget = 12_000_000_000m;

        var (request, problem) = form.ToChange();

        problem.ShouldBeNull();
        request.ShouldNotBeNull();
        request.Budget.ShouldBe(12_000_000_000m);
        request.Categories.ShouldBe([new CategoryRequest("mak-mak", "Mak-mak", 5_000_000m, false)]);
        request.RegencyQuotas.ShouldBeEmpty();
        form.ETag.ShouldBe("7");
    }

    [Fact]
    public void A_form_without_a_budget_names_the_field_and_sends_nothing()
    {
        var form = ProgramForm.Of(Programme, "7");
        form.Budget = null;

        var (request, problem) = form.ToChange();

        request.ShouldBeNull();
        problem!.Fields.Single().Label.ShouldBe("Anggaran");
    }

    [Theory]
    [InlineData("programme-year-taken")]
    [InlineData("budget-below-decreed")]
    [InlineData("quota-below-decreed")]
    [InlineData("category-cannot-be-removed")]
    [InlineData("eligibility-names-unknown-category")]
    public void Every_rule_a_programme_form_can_break_has_its_Indonesian_text(string rule)
    {
        TeksMasalah.ForRule(rule).ShouldNotBeNullOrWhiteSpace();
        Masalah.From(409, $$"""{"type":"urn:koperasi:problem:{{rule}}","status":409}""").Judul.ShouldBe(TeksMasalah.ForRule(rule));
    }
}

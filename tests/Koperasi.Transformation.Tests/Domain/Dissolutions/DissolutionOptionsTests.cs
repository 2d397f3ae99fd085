using Koperasi.Transformation.Cases;
using Koperasi.Transformation.Dissolutions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Koperasi.Transformation.Tests.Domain.Dissolutions;

public class DissolutionOptionsTests
{
    private static DissolutionOptions Bound(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddDissolutionOptions(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider()
            .GetRequiredService<IOptions<DissolutionOptions>>().Value;

    [Fact]
    public void The_defaults_are_DOMAIN_mds()
    {
        var options = Bound([]);

        (options.ProposerShare, options.InvitationLeadDays, options.NoRatYears, options.NoBusinessYears).ShouldBe((new Fraction(1, 5), 14, 3, 2));
        (options.AnnouncementMonths, options.ObjectionMonths, options.ObjectionDecisionMonths, options.DecisionMonths, options.ClaimMonths).ShouldBe((3, 2, 1, 4, 3));
    }

    [Fact]
    public void Every_period_and_threshold_is_read_from_the_Dissolution_section()
    {
        var options = Bound(new()
        {
            ["Dissolution:ProposerShare"] = "1/10",
            ["Dissolution:InvitationLeadDays"] = "7",
            ["Dissolution:AnnouncementMonths"] = "6",
            ["Dissolution:ClaimMonths"] = "2",
        });

        (options.ProposerShare, options.InvitationLeadDays, options.AnnouncementMonths, options.ClaimMonths).ShouldBe((new Fraction(1, 10), 7, 6, 2));
    }

    [Theory]
    [InlineData("Dissolution:AnnouncementMonths", "0", "AnnouncementMonths is 1 to 120")]
    [InlineData("Dissolution:ProposerShare", "6/5", "ProposerShare is a fraction above 0 and at most 1")]
    [InlineData("Dissolution:DecisionMonths", "1", "DecisionMonths is at least ObjectionMonths")]
    public void Settings_no_case_could_be_judged_by_are_refused(string key, string value, string problem)
    {
        var error = Should.Throw<InvalidOperationException>(() => Bound(new() { [key] = value }));

        error.Message.ShouldContain(problem);
    }
}

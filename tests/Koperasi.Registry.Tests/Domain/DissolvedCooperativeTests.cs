using Koperasi.Registry.Cooperatives;
using static Koperasi.Registry.Tests.Domain.Cases;
using static Koperasi.Registry.Tests.Domain.Registrations;

namespace Koperasi.Registry.Tests.Domain;

/// <summary>A dissolved koperasi stays in the register, read only.</summary>
public class DissolvedCooperativeTests
{
    private static Cooperative Dissolved()
    {
        var (survivor, absorbed) = (Existing(), Existing(20, regency: "1501"));
        var decision = Applied(Cooperative.Merge(Merger(survivor.State, absorbed.State), RegisterOf(survivor.State, absorbed.State), Today));
        return After(absorbed.Events, decision.EventsOf(absorbed.State.Id));
    }

    [Fact]
    public void It_accepts_no_more_RAT_reports()
    {
        var error = Rejected(Dissolved().ReportRat(Rat(2025, D(2026, 3, 1)), Today, Policy));
        error.Rule.ShouldBe("cooperative-dissolved");
        error.Kind.ShouldBe(Koperasi.ServiceDefaults.Decisions.DomainErrorKind.Conflict);
    }

    [Fact]
    public void It_accepts_no_change_of_details()
    {
        var gone = Dissolved();
        Rejected(gone.ChangeDetails(new DetailsChange(null, null, new Contact("0741000000"), null, null), Today, Policy)).Rule.ShouldBe("cooperative-dissolved");
    }

    [Fact]
    public void Time_passing_changes_its_activity_no_more()
    {
        // Its last RAT was for 2024: by 2028 it would have turned tidak aktif, had it not ended.
        Accepted(Dissolved().EvaluateActivity(D(2028, 7, 2), Policy)).ShouldBeEmpty();
    }

    [Fact]
    public void It_takes_part_in_no_other_amendment()
    {
        Rejected(Dissolved().AmendArticles(Amendment(new ArticlesChange(Name: "Koperasi Hantu")), Today)).Rule.ShouldBe("cooperative-dissolved");
    }
}

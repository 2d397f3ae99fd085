using Koperasi.Funding.Cooperatives;
using static Koperasi.Funding.Tests.Domain.Given;

namespace Koperasi.Funding.Tests.Domain;

/// <summary>Registry facts arrive on different queues, late or twice: the newest of each aspect wins.</summary>
public class CooperativeStandingTests
{
    private static readonly Guid Id = Guid.NewGuid();
    private static readonly CooperativeRegistrationNoted Registered = new(Id, 1, "Koperasi Maju Bersama", "1503", D(2010, 5, 1));

    private static CooperativeStanding Standing(params object[] facts) => facts.Aggregate((CooperativeStanding?)null, CooperativeStandingFold.Apply)!;

    [Fact]
    public void A_registered_koperasi_may_receive_a_grant()
    {
        var standing = Standing(Registered);
        (CooperativeStanding.WhyNot(Id, standing), standing.Name, standing.Activity).ShouldBe((null, "Koperasi Maju Bersama", "aktif"));
    }

    [Fact]
    public void A_koperasi_the_registry_never_announced_may_not_receive_a_grant()
    {
        CooperativeStanding.WhyNot(Id, null).ShouldNotBeNull().ShouldContain("not known to be registered");
        var onlyActivity = Standing(new CooperativeActivityNoted(Id, 3, "aktif", D(2019, 7, 1)));
        CooperativeStanding.WhyNot(Id, onlyActivity).ShouldNotBeNull().ShouldContain("not known to be registered");
    }

    [Fact]
    public void A_change_of_activity_that_arrives_before_the_registration_is_kept()
    {
        var standing = Standing(new CooperativeActivityNoted(Id, 3, "tidak-aktif", D(2019, 7, 1)), Registered);
        (standing.Registered, standing.Activity, standing.Name).ShouldBe((true, "tidak-aktif", "Koperasi Maju Bersama"));
        CooperativeStanding.WhyNot(Id, standing).ShouldBe("Koperasi Koperasi Maju Bersama is tidak-aktif since 2019-07-01.");
    }

    [Fact]
    public void An_older_change_of_activity_never_overwrites_a_newer_one()
    {
        var standing = Standing(Registered, new CooperativeActivityNoted(Id, 5, "aktif", D(2024, 3, 1)), new CooperativeActivityNoted(Id, 3, "tidak-aktif", D(2019, 7, 1)));
        standing.Activity.ShouldBe("aktif");
        CooperativeStandingFold.IsNews(standing, new CooperativeActivityNoted(Id, 3, "tidak-aktif", D(2019, 7, 1))).ShouldBeFalse();
        CooperativeStandingFold.IsNews(standing, new CooperativeActivityNoted(Id, 6, "tidak-aktif", D(2027, 7, 1))).ShouldBeTrue();
    }

    [Fact]
    public void A_dissolved_koperasi_may_not_receive_a_grant_whatever_its_activity()
    {
        var standing = Standing(Registered, new CooperativeDissolutionNoted(Id, 7, "merger", D(2026, 1, 5)), new CooperativeActivityNoted(Id, 8, "aktif", D(2026, 2, 1)));
        CooperativeStanding.WhyNot(Id, standing).ShouldBe("Koperasi Koperasi Maju Bersama was dissolved on 2026-01-05.");
    }

    [Fact]
    public void An_amendment_renames_and_an_older_registration_does_not_undo_it()
    {
        var standing = Standing(new CooperativeProfileNoted(Id, 9, "Koperasi Serba Usaha Maju", null), Registered);
        (standing.Name, standing.RegencyCode).ShouldBe(("Koperasi Serba Usaha Maju", "1503"));
    }
}

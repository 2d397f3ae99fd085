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
        (standing.MayReceiveGrant, standing.Name, standing.Activity).ShouldBe((true, "Koperasi Maju Bersama", "aktif"));
    }

    [Fact]
    public void A_change_of_activity_that_arrives_before_the_registration_is_kept()
    {
        var standing = Standing(new CooperativeActivityNoted(Id, 3, "tidak-aktif", D(2019, 7, 1)), Registered);
        (standing.Registered, standing.Activity, standing.Name).ShouldBe((true, "tidak-aktif", "Koperasi Maju Bersama"));
        standing.MayReceiveGrant.ShouldBeFalse();
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
        standing.MayReceiveGrant.ShouldBeFalse();
        CooperativeStanding.WhyNot(Id, standing).ShouldNotBeNull().ShouldContain("dissolved");
    }

    [Fact]
    public void An_amendment_renames_and_an_older_registration_does_not_undo_it()
    {
        var standing = Standing(new CooperativeProfileNoted(Id, 9, "Koperasi Serba Usaha Maju", null), Registered);
        (standing.Name, standing.RegencyCode).ShouldBe(("Koperasi Serba Usaha Maju", "1503"));
    }
}

using Koperasi.Transformation.Cooperatives;
using static Koperasi.Transformation.Tests.Domain.Given;
using Registry = Koperasi.Contracts.Registry;

namespace Koperasi.Transformation.Tests.Domain;

/// <summary>Registry facts arrive on different queues in any order; the newest stream version of each fact wins.</summary>
public class KnownCooperativeTests
{
    private static readonly Guid Id = Guid.NewGuid();

    /// <summary>A RAT as the register publishes it: one that changed the member count says so.</summary>
    private static Registry.RatReported Rat(long version, int year, int total, bool setsMemberCount = true) =>
        new(Id, version, DateTimeOffset.UnixEpoch, year, new DateOnly(year + 1, 3, 1), total / 2, total, "in-person", false, null, null, null,
            setsMemberCount ? total : null);

    private static Registry.CooperativeAmended Renamed(long version, string name) =>
        new(Id, version, DateTimeOffset.UnixEpoch, 2, new DateOnly(2026, 10, 15), Guid.NewGuid(), name, null, null, null, null, null, null);

    [Fact]
    public void A_registration_makes_a_koperasi_known_with_its_facts()
    {
        var known = KnownCooperative.Unknown(Id).With(Registration(Id, "Koperasi Maju Bersama", "1505", 118));

        known.IsRegistered.ShouldBeTrue();
        (known.Name!.Value, known.RegencyCode!.Value, known.Form!.Value, known.Type!.Value, known.MemberCount!.Value, known.StreamVersion)
            .ShouldBe(("Koperasi Maju Bersama", "1505", "primer", "konsumen", 118, 1L));
    }

    [Fact]
    public void An_older_stream_version_does_not_overwrite_a_newer_one()
    {
        var known = KnownCooperative.Unknown(Id).With(Renamed(5, "Koperasi Serba Usaha Maju")).With(Registration(Id, "Koperasi Maju Bersama"));

        known.Name!.Value.ShouldBe("Koperasi Serba Usaha Maju");
        known.RegencyCode!.Value.ShouldBe("1571");
        (known.IsRegistered, known.StreamVersion).ShouldBe((true, 5L));
    }

    [Fact]
    public void Facts_arriving_in_either_order_end_the_same()
    {
        var registration = Registration(Id, "Koperasi Maju Bersama", members: 40);
        var rat = Rat(2, 2024, 70);
        var renamed = Renamed(3, "Koperasi Baru");

        var inOrder = KnownCooperative.Unknown(Id).With(registration).With(rat).With(renamed);
        var reversed = KnownCooperative.Unknown(Id).With(renamed).With(rat).With(registration);

        reversed.ShouldBe(inOrder);
        (inOrder.Name!.Value, inOrder.MemberCount!.Value).ShouldBe(("Koperasi Baru", 70));
    }

    [Fact]
    public void A_koperasi_known_only_from_a_later_fact_is_not_registered()
    {
        KnownCooperative.Unknown(Id).With(Rat(2, 2024, 70)).IsRegistered.ShouldBeFalse();
    }

    [Fact]
    public void A_RAT_the_register_did_not_count_members_by_leaves_the_member_count()
    {
        // The register publishes a member count only with the RAT that changed it (not an older year's, nor a registration's history).
        var known = KnownCooperative.Unknown(Id).With(Registration(Id, "Koperasi Maju Bersama", members: 40)).With(Rat(2, 2024, 70)).With(Rat(3, 2023, 60, setsMemberCount: false));
        known.MemberCount!.Value.ShouldBe(70);
        KnownCooperative.Unknown(Id).With(Registration(Id, "Koperasi Maju Bersama", members: 40)).With(Rat(2, 2024, 85, setsMemberCount: false))
            .MemberCount!.Value.ShouldBe(40);
    }

    [Fact]
    public void A_merger_sets_the_survivors_member_count()
    {
        var merged = new Registry.CooperativeMerged(Id, 8, DateTimeOffset.UnixEpoch, [Guid.NewGuid()], 64, 182, Guid.NewGuid(), new DateOnly(2026, 10, 15));
        KnownCooperative.Unknown(Id).With(Registration(Id, "Koperasi Maju Bersama", members: 118)).With(merged).MemberCount!.Value.ShouldBe(182);
    }

    [Fact]
    public void A_dissolution_sticks()
    {
        var dissolved = new Registry.CooperativeDissolved(Id, 7, DateTimeOffset.UnixEpoch, "merger", new DateOnly(2026, 10, 15), Guid.NewGuid(), Guid.NewGuid(), true);

        var known = KnownCooperative.Unknown(Id).With(dissolved).With(Registration(Id, "Koperasi Tani Makmur")).With(Renamed(9, "Nama Lain"));

        (known.IsRegistered, known.IsDissolved, known.DissolvedOn).ShouldBe((true, true, new DateOnly(2026, 10, 15)));
    }
}

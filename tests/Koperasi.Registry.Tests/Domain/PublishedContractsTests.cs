using JasperFx.Events;
using Koperasi.Registry.Cooperatives;
using Koperasi.Registry.Messaging;
using Published = Koperasi.Contracts.Registry;
using static Koperasi.Registry.Tests.Domain.Registrations;

namespace Koperasi.Registry.Tests.Domain;

/// <summary>What the Registry's events become on the bus: contracts that say what happened.</summary>
public class PublishedContractsTests
{
    private static readonly DateOnly Today = D(2026, 11, 22);

    private static object? Map(object data, long version = 7) =>
        new RegistryIntegrationEvents().Map(new Event<object>(data) { Version = version, Timestamp = DateTimeOffset.UnixEpoch });

    [Fact]
    public void A_RAT_entered_long_after_it_was_held_is_published_as_the_corrected_history_not_as_a_change()
    {
        // Recorded: tidak aktif since 1 July 2019. The 2016 RAT, held in 2017, moves that to 2020.
        var (_, cooperative) = History(Primer(D(2010, 3, 1), Rat(2015, D(2016, 3, 1))), Today);
        var events = Accepted(cooperative.ReportRat(Rat(2016, D(2017, 3, 1)), Today, Policy));
        var revised = events.OfType<ActivityHistoryRevised>().Single();

        var published = events.Select(e => Map(e)).Where(c => c is not null).ToList();

        published.OfType<Published.CooperativeActivityChanged>().ShouldBeEmpty("a correction never happened on the day it was recorded");
        var corrected = published.OfType<Published.CooperativeActivityCorrected>().Single();
        corrected.CooperativeId.ShouldBe(cooperative.Id);
        corrected.StreamVersion.ShouldBe(7);
        corrected.Periods.Select(p => (p.From, p.Activity)).ShouldBe(revised.Periods.Select(p => (p.From, KebabName(p.Status))));
        corrected.Periods.ShouldContain(new Published.ActivityPeriod(D(2020, 7, 1), null, "tidak-aktif"));
        corrected.Periods.Zip(corrected.Periods.Skip(1)).ShouldAllBe(pair => pair.First.To == pair.Second.From);
        corrected.Periods[^1].To.ShouldBeNull();
        corrected.Reason.ShouldBe(RegistryIntegrationEvents.CorrectionReason);
    }

    [Fact]
    public void A_correction_that_leaves_the_activity_now_as_it_was_is_still_published()
    {
        var revised = new ActivityHistoryRevised(Guid.NewGuid(),
            [new ActivityPeriod(D(2010, 3, 1), ActivityStatus.Aktif), new ActivityPeriod(D(2020, 7, 1), ActivityStatus.TidakAktif)], "x");

        var corrected = Map(revised).ShouldBeOfType<Published.CooperativeActivityCorrected>();

        corrected.Periods.ShouldBe([new(D(2010, 3, 1), D(2020, 7, 1), "aktif"), new(D(2020, 7, 1), null, "tidak-aktif")]);
    }

    [Fact]
    public void A_registration_carries_what_a_subscriber_needs_for_its_own_register_and_no_personal_identifier()
    {
        var command = Primer(D(2021, 5, 3)) with
        {
            Deed = new NotarialDeed("12", D(2021, 4, 1), "Notaris Uji, S.H."),
            Board = [new BoardMember("Siti Aminah", BoardPosition.Ketua), new BoardMember("Yusuf Harahap", BoardPosition.Pengawas)],
            Contact = new Contact("0741555123", "kantor@koperasi.example"),
        };
        command = command.Profiled(p => p with
        {
            MultiPihak = true,
            MemberClasses = ["petani", "pedagang"],
            Address = p.Address with { KecamatanCode = "15.71.04", DesaCode = "15.71.04.1001" },
        });
        var (events, _) = History(command, Today);

        var registered = Map(events.OfType<RegistrationRecorded>().Single(), 1).ShouldBeOfType<Published.CooperativeRegistered>();

        registered.FoundingMemberCount.ShouldBe(20);
        registered.Deed.ShouldBe(new Published.EstablishmentDeed("12", D(2021, 4, 1), "Notaris Uji, S.H."));
        registered.Board.ShouldBe([new("Siti Aminah", "ketua"), new("Yusuf Harahap", "pengawas")]);
        registered.MemberClasses.ShouldBe(["petani", "pedagang"]);
        registered.Contact.ShouldBe(new Published.CooperativeContact("0741555123", "kantor@koperasi.example"));
        (registered.Address.KecamatanCode, registered.Address.DesaCode).ShouldBe(("15.71.04", "15.71.04.1001"));
    }

    private static string KebabName(ActivityStatus status) => status == ActivityStatus.Aktif ? "aktif" : "tidak-aktif";
}

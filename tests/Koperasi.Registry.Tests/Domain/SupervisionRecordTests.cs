using Koperasi.Registry.Supervision;
using static Koperasi.Registry.Tests.Domain.Registrations;

namespace Koperasi.Registry.Tests.Domain;

public class SupervisionRecordTests
{
    private static readonly DateOnly Today = Supervised.Today;

    private static RecordSupervision Visit(DateOnly heldOn, params FollowUpPlan[] followUps) => new(
        Guid.NewGuid(), SupervisionKind.Visit, heldOn, "pembina.merangin",
        "Buku kas belum diperbarui sejak Agustus.", "Perbarui buku kas dan siapkan RAT tahun buku 2025.", followUps);

    private static FollowUpPlan Due(DateOnly on, string action = "Kirim salinan buku kas") => new(action, on);

    [Fact]
    public void A_visit_is_recorded_with_its_follow_ups_numbered_from_one()
    {
        var koperasi = Supervised.Koperasi();
        var visit = Visit(D(2026, 11, 3), Due(D(2026, 11, 30)), Due(D(2026, 12, 31), "Jadwalkan RAT"));

        var recorded = Accepted(koperasi.When((s, k) => s.RecordSupervision(k, visit, Today))).ShouldHaveSingleItem().ShouldBeOfType<SupervisionRecorded>();

        recorded.RecordId.ShouldBe(visit.RecordId);
        recorded.FollowUps.Count.ShouldBe(2);
        var record = koperasi.Supervision.Records.ShouldHaveSingleItem();
        record.FollowUps.Select(f => (f.Number, f.Action, f.CompletedOn)).ShouldBe([(1, "Kirim salinan buku kas", (DateOnly?)null), (2, "Jadwalkan RAT", null)]);
    }

    [Theory]
    [InlineData(SupervisionKind.Guidance)]
    [InlineData(SupervisionKind.RatAttendance)]
    public void Guidance_and_RAT_attendance_are_records_too(SupervisionKind kind) =>
        Accepted(Supervised.Koperasi().When((s, k) => s.RecordSupervision(k, Visit(D(2026, 3, 14)) with { Kind = kind }, Today)))
            .ShouldHaveSingleItem().ShouldBeOfType<SupervisionRecorded>().Kind.ShouldBe(kind);

    [Fact]
    public void A_supervision_is_recorded_after_it_took_place()
    {
        var error = Rejected(Supervised.Koperasi().When((s, k) => s.RecordSupervision(k, Visit(Today.AddDays(1)), Today)));
        (error.Rule, error.Field).ShouldBe(("supervision-in-future", "heldOn"));
    }

    [Fact]
    public void No_supervision_before_the_koperasi_was_a_legal_entity() =>
        Rejected(Supervised.Koperasi().When((s, k) => s.RecordSupervision(k, Visit(D(2015, 3, 1)), Today))).Rule.ShouldBe("supervision-before-legal-entity");

    [Fact]
    public void A_follow_up_falls_due_after_the_supervision_it_arose_from()
    {
        var visit = Visit(D(2026, 11, 3), Due(D(2026, 11, 30)), Due(D(2026, 11, 2)));

        var error = Rejected(Supervised.Koperasi().When((s, k) => s.RecordSupervision(k, visit, Today)));

        (error.Rule, error.Field).ShouldBe(("follow-up-due-before-supervision", "followUps[1].dueOn"));
    }

    [Fact]
    public void A_record_is_recorded_once()
    {
        var koperasi = Supervised.Koperasi();
        var visit = Visit(D(2026, 11, 3));
        Accepted(koperasi.When((s, k) => s.RecordSupervision(k, visit, Today)));

        Rejected(koperasi.When((s, k) => s.RecordSupervision(k, visit, Today))).Rule.ShouldBe("supervision-record-already-recorded");
    }

    [Fact]
    public void A_record_names_its_pembina() =>
        Rejected(Supervised.Koperasi().When((s, k) => s.RecordSupervision(k, Visit(D(2026, 11, 3)) with { PembinaUserId = "" }, Today))).Field.ShouldBe("pembinaUserId");

    [Fact]
    public void A_dissolved_koperasi_takes_no_records() =>
        Rejected(Supervised.Koperasi().Dissolved(D(2026, 10, 1)).When((s, k) => s.RecordSupervision(k, Visit(D(2026, 11, 3)), Today))).Rule.ShouldBe("cooperative-dissolved");

    [Fact]
    public void A_follow_up_is_completed_once_on_a_day_between_its_record_and_today()
    {
        var koperasi = Supervised.Koperasi();
        var visit = Visit(D(2026, 11, 3), Due(D(2026, 11, 30)));
        Accepted(koperasi.When((s, k) => s.RecordSupervision(k, visit, Today)));

        Rejected(koperasi.When((s, k) => s.CompleteFollowUp(k, new CompleteFollowUp(visit.RecordId, 1, Today.AddDays(1), null), Today))).Rule.ShouldBe("follow-up-completed-in-future");
        Rejected(koperasi.When((s, k) => s.CompleteFollowUp(k, new CompleteFollowUp(visit.RecordId, 1, D(2026, 11, 2), null), Today))).Rule.ShouldBe("follow-up-completed-before-record");
        Rejected(koperasi.When((s, k) => s.CompleteFollowUp(k, new CompleteFollowUp(visit.RecordId, 2, Today, null), Today))).Rule.ShouldBe("follow-up-not-found");
        Rejected(koperasi.When((s, k) => s.CompleteFollowUp(k, new CompleteFollowUp(Guid.NewGuid(), 1, Today, null), Today))).Rule.ShouldBe("supervision-record-not-found");

        Accepted(koperasi.When((s, k) => s.CompleteFollowUp(k, new CompleteFollowUp(visit.RecordId, 1, D(2026, 11, 20), "Salinan diterima."), Today)))
            .ShouldHaveSingleItem().ShouldBeOfType<FollowUpCompleted>().CompletedOn.ShouldBe(D(2026, 11, 20));
        koperasi.Supervision.Records.Single().FollowUps.Single().CompletedOn.ShouldBe(D(2026, 11, 20));

        var again = Rejected(koperasi.When((s, k) => s.CompleteFollowUp(k, new CompleteFollowUp(visit.RecordId, 1, Today, null), Today)));
        (again.Rule, again.Kind).ShouldBe(("follow-up-already-completed", Koperasi.ServiceDefaults.Decisions.DomainErrorKind.Conflict));
    }

    [Fact]
    public void Overdue_as_of_a_day_is_due_before_it_and_not_completed_by_it()
    {
        var koperasi = Supervised.Koperasi();
        Accepted(koperasi.When((s, k) => s.AssignPembina(k, new AssignPembina(PembinaLevel.KabupatenKota, "pembina.merangin", "1502"), D(2026, 1, 5))));
        var visit = Visit(D(2026, 10, 1), Due(D(2026, 10, 15), "Kirim buku kas"), Due(D(2026, 12, 31), "Jadwalkan RAT"));
        Accepted(koperasi.When((s, k) => s.RecordSupervision(k, visit, Today)));
        Accepted(koperasi.When((s, k) => s.CompleteFollowUp(k, new CompleteFollowUp(visit.RecordId, 1, D(2026, 11, 20), null), Today)));
        var all = new[] { koperasi.Supervision };

        SupervisionQueries.Overdue(all, D(2026, 10, 15)).ShouldBeEmpty();
        var overdue = SupervisionQueries.Overdue(all, D(2026, 10, 16)).ShouldHaveSingleItem();
        (overdue.Number, overdue.DueOn, overdue.DaysOverdue, overdue.RegencyCode).ShouldBe((1, D(2026, 10, 15), 1, "1502"));
        overdue.Pembina.ShouldBe(["pembina.merangin"]);
        SupervisionQueries.Overdue(all, D(2026, 11, 19)).ShouldHaveSingleItem().DaysOverdue.ShouldBe(35);
        SupervisionQueries.Overdue(all, D(2026, 11, 20)).ShouldBeEmpty();
        SupervisionQueries.Overdue(all, D(2027, 1, 1)).ShouldHaveSingleItem().Number.ShouldBe(2);
    }

    [Fact]
    public void Overdue_follow_ups_are_listed_per_regency_and_per_pembina()
    {
        var merangin = Supervised.Koperasi(regency: "1502");
        Accepted(merangin.When((s, k) => s.AssignPembina(k, new AssignPembina(PembinaLevel.KabupatenKota, "pembina.merangin", "1502"), D(2026, 1, 5))));
        Accepted(merangin.When((s, k) => s.RecordSupervision(k, Visit(D(2026, 10, 1), Due(D(2026, 10, 15))), Today)));
        var sarolangun = Supervised.Koperasi(regency: "1503");
        Accepted(sarolangun.When((s, k) => s.RecordSupervision(k, Visit(D(2026, 10, 1), Due(D(2026, 10, 20))) with { PembinaUserId = "pembina.sarolangun" }, Today)));
        var all = new[] { merangin.Supervision, sarolangun.Supervision };

        SupervisionQueries.Overdue(all, Today).Select(o => o.RegencyCode).ShouldBe(["1502", "1503"]);
        SupervisionQueries.OverdueInRegency(all, "1503", Today).ShouldHaveSingleItem().CooperativeId.ShouldBe(sarolangun.Koperasi().Id);
        SupervisionQueries.OverdueForPembina(all, "pembina.merangin", Today).ShouldHaveSingleItem().CooperativeId.ShouldBe(merangin.Koperasi().Id);
        SupervisionQueries.OverdueForPembina(all, "pembina.sarolangun", Today).ShouldBeEmpty("a record's author is not the koperasi's pembina");
    }

    [Fact]
    public void A_dissolved_koperasi_s_follow_ups_are_no_longer_overdue()
    {
        var koperasi = Supervised.Koperasi();
        Accepted(koperasi.When((s, k) => s.RecordSupervision(k, Visit(D(2026, 10, 1), Due(D(2026, 10, 15))), Today)));
        koperasi.Dissolved(D(2026, 11, 1));

        SupervisionQueries.Overdue([koperasi.Supervision], D(2026, 10, 31)).ShouldHaveSingleItem();
        SupervisionQueries.Overdue([koperasi.Supervision], D(2026, 11, 1)).ShouldBeEmpty();
    }
}

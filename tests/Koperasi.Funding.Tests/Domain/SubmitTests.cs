using System.Text.Json;
using Koperasi.Funding.Applications;
using Koperasi.Funding.Programmes;
using Koperasi.ServiceDefaults.Decisions;
using static Koperasi.Funding.Tests.Domain.Given;

namespace Koperasi.Funding.Tests.Domain;

public class SubmitTests
{
    private static DomainError Refused(SubmitApplicationCommand command, Programme programme, bool alreadyApplied = false, IReadOnlyList<GrantHeld>? grants = null, DateOnly? today = null) =>
        Rejected(Application.Submit(command, programme, alreadyApplied, grants ?? [], today ?? Today));

    private static IReadOnlyList<string> FailedRules(SubmitApplicationCommand command, Programme programme, IReadOnlyList<GrantHeld>? grants = null) =>
        [.. EligibilityCheck.Evaluate(programme, Application.FactsOf(command), grants ?? []).Select(f => f.Rule)];

    [Fact]
    public void A_valid_submission_records_the_application_under_a_pseudonym_only()
    {
        var programme = Opened();
        var command = Submission(programme);

        var submitted = Submitted(programme, command).ShouldHaveSingleItem().ShouldBeOfType<ApplicationSubmitted>();

        (submitted.ApplicantId, submitted.ProgrammeYear, submitted.RegencyCode, submitted.SubmittedOn).ShouldBe((command.ApplicantId, 2026, "1503", Today));
        var json = JsonSerializer.Serialize(submitted);
        json.ShouldNotContain(NikOf(command.BirthDate, command.Sex));
        json.ShouldNotContain("nik", Case.Insensitive);
    }

    [Fact]
    public void The_NIK_must_agree_with_the_birth_date_and_sex()
    {
        var programme = Opened();
        var command = Submission(programme) with { BirthDate = D(1990, 7, 16) };
        Refused(command, programme).Rule.ShouldBe("nik-birth-date-mismatch");
        Refused(Submission(programme) with { Sex = Sex.Male }, programme).Rule.ShouldBe("nik-sex-mismatch");
    }

    [Fact]
    public void A_NIK_first_registered_outside_Jambi_is_accepted_for_an_applicant_living_in_Jambi()
    {
        var programme = Opened();
        var command = Submission(programme) with { Nik = NikStructure.Read(NikOf(D(1990, 7, 15), Sex.Female, region: "320101"), out _)! };
        Submitted(programme, command).ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData("bantuan-lain")]
    [InlineData("milenial")]
    public void The_category_must_be_open_in_the_programme(string category)
    {
        var programme = Opened(null, new ProgrammeCategoriesChanged(Guid.Empty,
        [
            new GrantCategory("mak-mak", "Mak-mak", 10_000_000, true),
            new GrantCategory("wirausaha-pemula", "Wirausaha pemula", 20_000_000, true),
            new GrantCategory("milenial", "Milenial", 20_000_000, false),
        ]));
        Refused(Submission(programme, category: category, birthDate: D(2000, 7, 15)), programme).Rule.ShouldBe("category-not-open");
    }

    [Fact]
    public void An_applicant_born_after_the_application_is_refused()
    {
        var programme = Opened();
        var error = Refused(Submission(programme, birthDate: Today.AddDays(1)), programme);
        (error.Rule, error.Kind, error.Field).ShouldBe(("birth-date-after-application", DomainErrorKind.Unprocessable, "birthDate"));
        error.Detail.ShouldContain("2026-03-11");
    }

    [Theory]
    [InlineData(2020, 3, 10, 6)]
    [InlineData(2009, 3, 11, 16)]
    public void An_applicant_younger_than_the_age_for_a_KTP_on_the_day_of_the_application_is_refused(int year, int month, int day, int age)
    {
        var programme = Opened();
        var error = Refused(Submission(programme, birthDate: D(year, month, day)), programme);
        (error.Rule, error.Field).ShouldBe(("applicant-under-age", "birthDate"));
        error.Detail.ShouldContain($"at least 17");
        error.Detail.ShouldContain($"the applicant is {age}");
    }

    [Fact]
    public void An_applicant_turning_17_on_the_day_of_the_application_may_apply()
    {
        var programme = Opened();
        Submitted(programme, Submission(programme, birthDate: D(2009, 3, 10))).ShouldHaveSingleItem();
    }

    [Fact]
    public void The_minimum_age_is_configurable()
    {
        var programme = Opened();
        var twenty = Submission(programme, birthDate: D(2006, 3, 10));
        Accepted(Application.Submit(twenty, programme, false, [], Today, minimumAge: 20)).ShouldHaveSingleItem();
        Rejected(Application.Submit(twenty with { BirthDate = D(2006, 3, 11), Nik = NikStructure.Read(NikOf(D(2006, 3, 11), Sex.Female), out _)! }, programme, false, [], Today, minimumAge: 20))
            .Rule.ShouldBe("applicant-under-age");
    }

    [Theory]
    [InlineData(2026, 1, 31)]
    [InlineData(2026, 5, 1)]
    public void Applications_are_taken_only_while_the_window_is_open(int year, int month, int day)
    {
        var programme = Opened();
        Refused(Submission(programme), programme, today: D(year, month, day)).Rule.ShouldBe("application-window-closed");
    }

    [Theory]
    [InlineData(2026, 2, 1)]
    [InlineData(2026, 4, 30)]
    public void The_first_and_last_days_of_the_window_take_applications(int year, int month, int day)
    {
        var programme = Opened();
        Accepted(Application.Submit(Submission(programme), programme, false, [], D(year, month, day))).ShouldHaveSingleItem();
    }

    [Fact]
    public void One_application_per_NIK_per_programme()
    {
        var programme = Opened();
        var error = Refused(Submission(programme), programme, alreadyApplied: true);
        (error.Rule, error.Kind, error.Field).ShouldBe(("application-already-submitted", DomainErrorKind.Conflict, "nik"));
    }

    [Fact]
    public void Mak_mak_is_for_women_while_the_switch_is_on()
    {
        var on = Opened();
        FailedRules(Submission(on, category: "mak-mak", sex: Sex.Male), on).ShouldBe(["women-only-category"]);
        FailedRules(Submission(on, category: "mak-mak", sex: Sex.Female), on).ShouldBeEmpty();

        var off = Opened(Opening(rules: DefaultRules with { WomenOnlyCategories = [] }));
        FailedRules(Submission(off, category: "mak-mak", sex: Sex.Male), off).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(2008, 1, 1, true)]
    [InlineData(2008, 1, 2, false)]
    [InlineData(1986, 1, 2, true)]
    [InlineData(1986, 1, 1, false)]
    public void Milenial_applicants_are_18_to_39_on_the_reference_date(int year, int month, int day, bool eligible)
    {
        var programme = Opened();
        var rules = FailedRules(Submission(programme, category: "milenial", birthDate: D(year, month, day)), programme);
        (rules.Count == 0).ShouldBe(eligible, string.Join(", ", rules));
        if (!eligible)
        {
            rules.ShouldBe(["age-out-of-range"]);
        }
    }

    [Fact]
    public void The_age_range_is_switchable_and_configurable()
    {
        var off = Opened(Opening(rules: DefaultRules with { AgeRanges = [] }));
        FailedRules(Submission(off, category: "milenial", birthDate: D(1960, 1, 1)), off).ShouldBeEmpty();

        var wider = Opened(Opening(rules: DefaultRules with { AgeRanges = [new AgeRange("milenial", 17, 45)] }));
        FailedRules(Submission(wider, category: "milenial", birthDate: D(1982, 1, 1)), wider).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(Occupation.CivilServant)]
    [InlineData(Occupation.Soldier)]
    [InlineData(Occupation.PoliceOfficer)]
    [InlineData(Occupation.StateCompanyEmployee)]
    public void Excluded_occupations_are_refused_while_the_switch_is_on(Occupation occupation)
    {
        var on = Opened();
        FailedRules(Submission(on, occupation: occupation), on).ShouldBe(["excluded-occupation"]);

        var off = Opened(Opening(rules: DefaultRules with { ExcludedOccupations = [] }));
        FailedRules(Submission(off, occupation: occupation), off).ShouldBeEmpty();
    }

    [Fact]
    public void A_declared_KUR_debtor_is_refused_while_the_switch_is_on()
    {
        var on = Opened();
        FailedRules(Submission(on, kurDebtor: true), on).ShouldBe(["kur-debtor"]);

        var off = Opened(Opening(rules: DefaultRules with { ExcludeKurDebtors = false }));
        FailedRules(Submission(off, kurDebtor: true), off).ShouldBeEmpty();
    }

    [Fact]
    public void One_grant_per_NIK_per_year_or_ever_or_not_limited()
    {
        var earlier = new GrantHeld(Guid.NewGuid(), Guid.NewGuid(), 2023);
        var thisYear = new GrantHeld(Guid.NewGuid(), Guid.NewGuid(), 2026);

        var perYear = Opened();
        FailedRules(Submission(perYear), perYear, [earlier]).ShouldBeEmpty();
        FailedRules(Submission(perYear), perYear, [thisYear]).ShouldBe(["one-grant-per-year"]);

        var ever = Opened(Opening(rules: DefaultRules with { GrantLimit = GrantLimit.Ever }));
        FailedRules(Submission(ever), ever, [earlier]).ShouldBe(["one-grant-ever"]);

        var off = Opened(Opening(rules: DefaultRules with { GrantLimit = GrantLimit.Off }));
        FailedRules(Submission(off), off, [earlier, thisYear]).ShouldBeEmpty();
    }

    [Fact]
    public void Every_failed_rule_is_named_not_only_the_first()
    {
        var programme = Opened();
        var command = Submission(programme, category: "mak-mak", sex: Sex.Male, occupation: Occupation.Soldier, kurDebtor: true);

        var error = Refused(command, programme);

        error.Rule.ShouldBe(EligibilityCheck.NotEligible);
        FailedRules(command, programme).ShouldBe(["women-only-category", "excluded-occupation", "kur-debtor"]);
        error.Detail.ShouldContain("women-only-category");
        error.Detail.ShouldContain("excluded-occupation");
        error.Detail.ShouldContain("kur-debtor");
    }
}

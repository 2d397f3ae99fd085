using Koperasi.ServiceDefaults.Identity;
using Koperasi.ServiceDefaults.Persistence;
using Koperasi.ServiceDefaults.PersonalData;
using Marten;
using Marten.Exceptions;
using Microsoft.Extensions.Logging;

namespace Koperasi.ServiceDefaults.Tests.PersonalData;

/// <summary>What a service does with the vault: store, find, reveal (recorded), erase.</summary>
public sealed class VaultTests(VaultFixture fixture) : IClassFixture<VaultFixture>
{
    private readonly VaultHost _host = fixture.Host;
    private IPersonalDataVault Vault => _host.Vault;

    private async Task<IReadOnlyList<PersonalDataAccess>> AccessesOfAsync(Guid personId)
    {
        await using var session = _host.Store.QuerySession();
        return await session.OfPersonAsync(personId, CancellationToken.None);
    }

    private async Task<IReadOnlyList<Guid>> FindAsync(string nik)
    {
        await using var session = _host.Store.QuerySession();
        return await Vault.FindByNikAsync(session, nik, CancellationToken.None);
    }

    private async Task<bool> IsReadableAsync(Guid personId)
    {
        await using var session = _host.Store.QuerySession();
        return await Vault.IsReadableAsync(session, personId, CancellationToken.None);
    }

    [Fact]
    public async Task A_stored_record_is_revealed_as_it_was_and_the_read_is_recorded_first()
    {
        var applicant = People.NewApplicant();
        var personId = await _host.FileAsync(applicant);

        Applicant? revealed;
        using (CurrentActor.RunAs("pendamping-ani", KoperasiRoles.AdminProvinsi))
        {
            revealed = await Vault.RevealAsync<Applicant>(personId, "Verifikasi rekening sebelum pencairan", CancellationToken.None);
        }

        revealed.ShouldBe(applicant);
        var access = (await AccessesOfAsync(personId)).ShouldHaveSingleItem();
        access.Kind.ShouldBe(PersonalDataAccessLog.Read);
        access.Actor.ShouldBe("pendamping-ani");
        access.ActorRole.ShouldBe(KoperasiRoles.AdminProvinsi);
        access.Purpose.ShouldBe("Verifikasi rekening sebelum pencairan");
        access.At.ShouldBe(fixture.Clock.GetUtcNow());
    }

    [Fact]
    public async Task A_read_that_cannot_be_recorded_reveals_nothing()
    {
        var personId = await _host.FileAsync(People.NewApplicant());
        await using var logDown = await fixture.StartHostAsync(
            builder => builder.Services.ConfigureMarten(options => options.Listeners.Add(new AccessLogUnavailable())));

        await Should.ThrowAsync<InvalidOperationException>(
            () => logDown.Vault.RevealAsync<Applicant>(personId, "Verifikasi", CancellationToken.None));

        (await AccessesOfAsync(personId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_vault_logs_who_read_whose_data_and_never_the_data()
    {
        var logs = new CapturedLogs();
        await using var logged = await fixture.StartHostAsync(builder =>
        {
            builder.Logging.SetMinimumLevel(LogLevel.Trace);
            builder.Logging.AddProvider(logs);
        });
        var applicant = People.NewApplicant();
        var personId = await logged.FileAsync(applicant);

        using (CurrentActor.RunAs("pembina-rina", KoperasiRoles.AdminProvinsi))
        {
            await logged.Vault.RevealAsync<Applicant>(personId, $"Cek NIK {applicant.Nik}", CancellationToken.None);
        }

        await logged.EraseAsync(personId);
        logs.Records.ShouldContain(r => r.Message.Contains(personId.ToString(), StringComparison.Ordinal) && r.Message.Contains("pembina-rina", StringComparison.Ordinal));
        foreach (var value in new[] { applicant.Nik, applicant.Name, applicant.Phone, applicant.BankAccount })
        {
            logs.AllText.ShouldNotContain(value);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public async Task A_read_without_a_purpose_is_refused_and_reveals_nothing(string? purpose)
    {
        var personId = await _host.FileAsync(People.NewApplicant());

        await Should.ThrowAsync<ArgumentException>(() => Vault.RevealAsync<Applicant>(personId, purpose!, CancellationToken.None));

        (await AccessesOfAsync(personId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_NIK_finds_everyone_stored_with_it_and_nobody_else()
    {
        var nik = People.NewNik();
        var first = await _host.FileAsync(People.NewApplicant(nik));
        var again = await _host.FileAsync(People.NewApplicant(nik));
        var other = await _host.FileAsync(People.NewApplicant());

        (await FindAsync(nik)).ShouldBe([first, again], ignoreOrder: true);
        (await FindAsync($"{nik[..4]} {nik[4..8]}.{nik[8..12]}-{nik[12..]}")).ShouldBe([first, again], ignoreOrder: true);
        (await FindAsync(People.NewNik())).ShouldBeEmpty();
        (await FindAsync(nik)).ShouldNotContain(other);
    }

    [Fact]
    public async Task A_value_that_is_not_a_NIK_is_refused_without_being_repeated()
    {
        var tooShort = People.NewNik()[..15];

        var refused = await Should.ThrowAsync<ArgumentException>(() => FindAsync(tooShort));

        refused.Message.ShouldNotContain(tooShort);
    }

    [Fact]
    public async Task Erasure_makes_the_person_unreadable_and_unfindable_and_is_recorded()
    {
        var applicant = People.NewApplicant();
        var personId = await _host.FileAsync(applicant);
        (await IsReadableAsync(personId)).ShouldBeTrue();

        await _host.EraseAsync(personId, "Permintaan penghapusan oleh pemohon");

        (await IsReadableAsync(personId)).ShouldBeFalse();
        (await FindAsync(applicant.Nik)).ShouldBeEmpty();
        (await Vault.RevealAsync<Applicant>(personId, "Audit", CancellationToken.None)).ShouldBeNull();
        var erasure = (await AccessesOfAsync(personId)).ShouldHaveSingleItem();
        erasure.Kind.ShouldBe(PersonalDataAccessLog.Erasure);
        erasure.Actor.ShouldBe("officer-pdp");
        erasure.ActorRole.ShouldBe(KoperasiRoles.AdminProvinsi);
        erasure.Purpose.ShouldBe("Permintaan penghapusan oleh pemohon");
    }

    [Fact]
    public async Task An_erased_person_cannot_be_stored_again_under_the_same_id()
    {
        var personId = await _host.FileAsync(People.NewApplicant());
        await _host.EraseAsync(personId);

        await using var session = _host.Store.OpenSessionAs("consumer-retry");
        Vault.Store(session, personId, People.NewApplicant(), null);
        var refused = await Should.ThrowAsync<InvalidOperationException>(() => session.SaveChangesAsync());

        refused.Message.ShouldContain(personId.ToString());
        (await IsReadableAsync(personId)).ShouldBeFalse();
    }

    [Fact]
    public async Task Storing_again_replaces_the_record_and_keeps_the_NIK_hash_when_no_NIK_is_given()
    {
        var applicant = People.NewApplicant();
        var personId = await _host.FileAsync(applicant);
        var moved = applicant with { Phone = "081299990000" };

        await using (var session = _host.Store.OpenSessionAs("officer"))
        {
            Vault.Store(session, personId, moved, null);
            await session.SaveChangesAsync();
        }

        (await Vault.RevealAsync<Applicant>(personId, "Konfirmasi nomor telepon", CancellationToken.None)).ShouldBe(moved);
        (await FindAsync(applicant.Nik)).ShouldBe([personId]);
    }

    [Fact]
    public async Task A_session_that_is_not_committed_leaves_nothing()
    {
        var applicant = People.NewApplicant();
        var personId = Guid.CreateVersion7();

        await using (var session = _host.Store.OpenSessionAs("officer"))
        {
            Vault.Store(session, personId, applicant, applicant.Nik);
            session.PendingChanges.Operations().ShouldNotBeEmpty();
        }

        (await IsReadableAsync(personId)).ShouldBeFalse();
        (await FindAsync(applicant.Nik)).ShouldBeEmpty();
        (await _host.LoadAsync<PersonalDataKey>(personId)).ShouldBeNull();
        (await _host.LoadAsync<PersonalDataRecord>(personId)).ShouldBeNull();
    }

    [Fact]
    public async Task A_commit_that_fails_stores_neither_the_events_nor_the_personal_data()
    {
        var applicant = People.NewApplicant();
        var personId = Guid.CreateVersion7();
        var stream = Guid.CreateVersion7();
        await using (var first = _host.Store.OpenSessionAs("officer"))
        {
            first.Events.StartStream(stream, new ApplicationFiled(Guid.CreateVersion7(), "1503", 1m));
            await first.SaveChangesAsync();
        }

        await using (var session = _host.Store.OpenSessionAs("officer"))
        {
            Vault.Store(session, personId, applicant, applicant.Nik);
            session.Events.StartStream(stream, new ApplicationFiled(personId, "1503", 1m));
            await Should.ThrowAsync<ExistingStreamIdCollisionException>(() => session.SaveChangesAsync());
        }

        (await IsReadableAsync(personId)).ShouldBeFalse();
        (await FindAsync(applicant.Nik)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_log_answers_who_read_whose_data_between_two_moments()
    {
        var first = await _host.FileAsync(People.NewApplicant());
        var second = await _host.FileAsync(People.NewApplicant());
        fixture.Clock.Advance(TimeSpan.FromDays(1));
        using (CurrentActor.RunAs("before", "pembina"))
        {
            await Vault.RevealAsync<Applicant>(first, "Sebelum jendela", CancellationToken.None);
        }

        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        var from = fixture.Clock.GetUtcNow();
        using (CurrentActor.RunAs("ani", "pembina"))
        {
            await Vault.RevealAsync<Applicant>(first, "Verifikasi", CancellationToken.None);
        }

        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        using (CurrentActor.RunAs("budi", "pendamping"))
        {
            await Vault.RevealAsync<Applicant>(second, "Monitoring", CancellationToken.None);
        }

        await _host.EraseAsync(second);
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        var to = fixture.Clock.GetUtcNow();
        using (CurrentActor.RunAs("after", "pembina"))
        {
            await Vault.RevealAsync<Applicant>(first, "Sesudah jendela", CancellationToken.None);
        }

        await using var session = _host.Store.QuerySession();
        var window = await session.BetweenAsync(from, to, CancellationToken.None);

        window.Select(a => (a.Actor, a.PersonId, a.Kind, a.Purpose)).ShouldBe(
        [
            ("ani", first, PersonalDataAccessLog.Read, "Verifikasi"),
            ("budi", second, PersonalDataAccessLog.Read, "Monitoring"),
            ("officer-pdp", second, PersonalDataAccessLog.Erasure, "The applicant withdrew consent (UU PDP art. 8)"),
        ]);
    }

    [Fact]
    public async Task The_inventory_counts_what_the_vault_holds()
    {
        await using var before = _host.Store.QuerySession();
        var was = await before.InventoryAsync(CancellationToken.None);

        await _host.FileAsync(People.NewApplicant());
        var erased = await _host.FileAsync(People.NewApplicant());
        await _host.EraseAsync(erased);

        await using var after = _host.Store.QuerySession();
        (await after.InventoryAsync(CancellationToken.None)).ShouldBe(
            new PersonalDataInventory(was.Keys + 1, was.Records + 1, was.NikHashes + 1, was.Erasures + 1));
    }
}

/// <summary>Stands for an access log that cannot be written (the database refuses, the disk is full).</summary>
internal sealed class AccessLogUnavailable : DocumentSessionListenerBase
{
    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token) =>
        session.PendingChanges.InsertsFor<PersonalDataAccess>().Any()
            ? throw new InvalidOperationException("The access log is unavailable.")
            : Task.CompletedTask;
}

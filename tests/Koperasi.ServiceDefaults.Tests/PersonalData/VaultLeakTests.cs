using System.Security.Cryptography;
using System.Text;
using Koperasi.ServiceDefaults.Identity;
using Koperasi.ServiceDefaults.PersonalData;
using Koperasi.Testing;
using Marten;
using Npgsql;

namespace Koperasi.ServiceDefaults.Tests.PersonalData;

/// <summary>
/// Every table of the service's schema (documents, events, the access log, Marten's own), read
/// whole row by row as text: the clear NIK, name, phone and bank account are in none of them, and
/// after erasure neither is the keyed hash nor the person's key. The events stay.
/// </summary>
public sealed class VaultLeakTests(VaultFixture fixture) : IClassFixture<VaultFixture>
{
    private readonly VaultHost _host = fixture.Host;

    /// <summary>The tables of the schema whose rows contain <paramref name="value"/>, with how many.</summary>
    private async Task<Dictionary<string, long>> TablesContainingAsync(string value)
    {
        await using var connection = new NpgsqlConnection(TestInfrastructure.TestDatabase(VaultHost.Database));
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "select table_name from information_schema.tables where table_schema = @schema and table_type = 'BASE TABLE'", connection))
        {
            list.Parameters.AddWithValue("schema", fixture.Schema);
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        tables.ShouldContain("mt_events");
        tables.ShouldContain("mt_doc_personal_data_record");
        var found = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            await using var count = new NpgsqlCommand(
                $"select count(*) from \"{fixture.Schema}\".\"{table}\" as row where strpos(row::text, @value) > 0", connection);
            count.Parameters.AddWithValue("value", value);
            var rows = (long)(await count.ExecuteScalarAsync())!;
            if (rows > 0)
            {
                found[table] = rows;
            }
        }

        return found;
    }

    private static IEnumerable<string> ClearValuesOf(Applicant applicant) =>
        [applicant.Nik, applicant.Name, applicant.Phone, applicant.BankAccount];

    [Fact]
    public async Task No_table_holds_the_clear_personal_data_before_or_after_erasure()
    {
        var applicant = People.NewApplicant();
        var personId = await _host.FileAsync(applicant);
        using (CurrentActor.RunAs("pembina-rina", KoperasiRoles.AdminProvinsi))
        {
            // A careless purpose that quotes the NIK: the log keeps it masked.
            (await _host.Vault.RevealAsync<Applicant>(personId, $"Cek NIK {applicant.Nik} di Dukcapil", CancellationToken.None)).ShouldBe(applicant);
        }

        // The scan sees what is stored: the pseudonym is in the events, the documents and the log.
        (await TablesContainingAsync(personId.ToString())).Keys.ShouldBe(
            ["mt_events", "mt_doc_personal_data_key", "mt_doc_personal_data_record", "mt_doc_personal_data_nik_hash", "mt_doc_personal_data_access"],
            ignoreOrder: true);
        foreach (var value in ClearValuesOf(applicant))
        {
            (await TablesContainingAsync(value)).ShouldBeEmpty();
        }

        await using (var session = _host.Store.QuerySession())
        {
            (await session.OfPersonAsync(personId, CancellationToken.None)).ShouldHaveSingleItem()
                .Purpose.ShouldBe($"Cek NIK {Nik.Mask(applicant.Nik)} di Dukcapil");
        }

        await _host.EraseAsync(personId);

        foreach (var value in ClearValuesOf(applicant))
        {
            (await TablesContainingAsync(value)).ShouldBeEmpty();
        }
    }

    [Fact]
    public async Task After_erasure_neither_the_keyed_hash_nor_the_key_nor_the_ciphertext_remains()
    {
        var applicant = People.NewApplicant();
        var personId = await _host.FileAsync(applicant);
        var keyedHash = Convert.ToHexStringLower(HMACSHA256.HashData(
            Convert.FromBase64String(TestSecrets.PersonalDataNikHashKey), Encoding.ASCII.GetBytes(applicant.Nik)));
        var wrappedKey = Convert.ToBase64String((await _host.LoadAsync<PersonalDataKey>(personId))!.WrappedKey);
        var ciphertext = Convert.ToBase64String((await _host.LoadAsync<PersonalDataRecord>(personId))!.Ciphertext);
        (await TablesContainingAsync(keyedHash)).Keys.ShouldBe(["mt_doc_personal_data_nik_hash"]);
        (await TablesContainingAsync(wrappedKey)).Keys.ShouldBe(["mt_doc_personal_data_key"]);
        (await TablesContainingAsync(ciphertext)).Keys.ShouldBe(["mt_doc_personal_data_record"]);

        await _host.EraseAsync(personId);

        (await TablesContainingAsync(keyedHash)).ShouldBeEmpty();
        (await TablesContainingAsync(wrappedKey)).ShouldBeEmpty();
        (await TablesContainingAsync(ciphertext)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Erasure_keeps_the_events_so_reports_still_add_up()
    {
        var people = new[]
        {
            await _host.FileAsync(People.NewApplicant(), 5_000_000m),
            await _host.FileAsync(People.NewApplicant(), 3_000_000m),
            await _host.FileAsync(People.NewApplicant(), 2_500_000m),
        };

        async Task<(int Count, decimal Total)> ReportAsync()
        {
            await using var session = _host.Store.QuerySession();
            var filed = (await session.Events.QueryAllRawEvents().Where(e => e.EventTypeName == "application-filed").ToListAsync())
                .Select(e => (ApplicationFiled)e.Data)
                .Where(e => people.Contains(e.ApplicantId))
                .ToList();
            return (filed.Count, filed.Sum(e => e.Amount));
        }

        (await ReportAsync()).ShouldBe((3, 10_500_000m));

        await _host.EraseAsync(people[1]);

        (await ReportAsync()).ShouldBe((3, 10_500_000m));
        await using var query = _host.Store.QuerySession();
        (await _host.Vault.IsReadableAsync(query, people[1], CancellationToken.None)).ShouldBeFalse();
    }
}

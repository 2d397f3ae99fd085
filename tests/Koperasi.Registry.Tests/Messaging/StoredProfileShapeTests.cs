using System.Text.Json;
using System.Text.Json.Nodes;
using JasperFx.Events;
using CooperativeRegistered = Koperasi.Contracts.Registry.CooperativeRegistered;
using Koperasi.Registry.Cooperatives;
using Koperasi.Registry.Messaging;
using Koperasi.ServiceDefaults.Http;
using Koperasi.Testing;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Koperasi.Registry.Tests.Messaging;

/// <summary>
/// The registration carries one <see cref="CooperativeProfile"/>, but the stored event keeps the
/// flat shape it had when every field was written one by one: a registration stored before the
/// profile existed loads into the new types and answers exactly as before.
/// </summary>
public sealed class StoredProfileShapeTests(RegistryHost registry) : IClassFixture<RegistryHost>
{
    private static readonly string[] ProfileMembers =
        ["name", "form", "type", "savingsLoanScheme", "syariah", "multiPihak", "memberClasses", "supervisionLevel", "address", "businessField"];

    [Fact]
    public async Task The_registration_event_is_stored_flat_as_before_the_profile()
    {
        var token = TestContext.Current.CancellationToken;
        var (id, _) = await RegisterAsync();

        var stored = await StoredEventAsync(id, token);

        stored.ContainsKey("profile").ShouldBeFalse(stored.ToJsonString());
        foreach (var member in ProfileMembers.Where(m => m != "savingsLoanScheme"))
        {
            stored.ContainsKey(member).ShouldBeTrue($"{member} missing in {stored.ToJsonString()}");
        }

        stored["businessField"]!.GetValue<string>().ShouldBe("Warung serba ada");
        stored["address"]!["kecamatan"]!.GetValue<string>().ShouldBe("Jambi Selatan");
    }

    [Fact]
    public void The_store_serializer_writes_the_profile_inline_and_reads_it_back()
    {
        var serializer = registry.Services.GetRequiredService<IDocumentStore>().Options.Serializer();
        var registered = new RegistrationRecorded(
            Guid.NewGuid(),
            new CooperativeProfile(
                "Koperasi Simpan Pinjam Maju", CooperativeForm.Primer, CooperativeType.SimpanPinjam, SavingsLoanScheme.CloseLoop,
                Syariah: true, MultiPihak: true, ["petani", "pedagang"], SupervisionLevel.Provinsi,
                new Address("Jl. Kapten Pattimura 3", null, "Kota Baru", "1571", "36129"), "Simpan pinjam syariah"),
            new LegalEntity("AHU-0001.AH.01.29.TAHUN 2020", new DateOnly(2020, 2, 3)),
            Deed: null, FoundingMembers: 25, MemberCount: 60, Nib: "9120301234567",
            Board: [new BoardMember("Siti Aminah", BoardPosition.Ketua)], Contact: null, PredecessorIds: [Guid.NewGuid()], CaseId: Guid.NewGuid());

        var json = JsonNode.Parse(serializer.ToJson(registered))!.AsObject();
        json.ContainsKey("profile").ShouldBeFalse();
        json["savingsLoanScheme"].ShouldNotBeNull();
        json["businessField"]!.GetValue<string>().ShouldBe("Simpan pinjam syariah");
        json["nib"]!.GetValue<string>().ShouldBe("9120301234567");

        var read = serializer.FromJson<RegistrationRecorded>(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json.ToJsonString())));
        read.Profile.ShouldBe(registered.Profile with { MemberClasses = read.Profile.MemberClasses });
        read.Profile.MemberClasses.ShouldBe(registered.Profile.MemberClasses);
        (read.CooperativeId, read.LegalEntity, read.Nib, read.MemberCount, read.CaseId).ShouldBe(
            (registered.CooperativeId, registered.LegalEntity, registered.Nib, registered.MemberCount, registered.CaseId));
        read.PredecessorIds.ShouldBe(registered.PredecessorIds);
        read.Board.ShouldBe(registered.Board);
    }

    [Fact]
    public void The_contract_is_mapped_from_the_profile_field_by_field()
    {
        var registered = new RegistrationRecorded(
            Guid.NewGuid(),
            new CooperativeProfile(
                "Koperasi Simpan Pinjam Maju", CooperativeForm.Sekunder, CooperativeType.SimpanPinjam, SavingsLoanScheme.OpenLoop,
                Syariah: true, MultiPihak: true, ["petani", "pedagang"], SupervisionLevel.Nasional,
                new Address("Jl. Kapten Pattimura 3", "Kebun Kopi", "Kota Baru", "1571", "36129"), "Simpan pinjam syariah"),
            new LegalEntity("AHU-0001.AH.01.29.TAHUN 2020", new DateOnly(2020, 2, 3)),
            Deed: null, FoundingMembers: 3, MemberCount: 60, Nib: "9120301234567", Board: [], Contact: null);

        var contract = new RegistryIntegrationEvents().Map(new Event<object>(registered) { Version = 1, Timestamp = DateTimeOffset.UnixEpoch })
            .ShouldBeOfType<CooperativeRegistered>();

        (contract.Name, contract.Form, contract.Type, contract.SavingsLoanScheme, contract.Syariah, contract.MultiPihak, contract.SupervisionLevel, contract.BusinessField)
            .ShouldBe(("Koperasi Simpan Pinjam Maju", "sekunder", "simpan-pinjam", "open-loop", true, true, "nasional", "Simpan pinjam syariah"));
        (contract.Address.Street, contract.Address.Village, contract.Address.Kecamatan, contract.Address.RegencyCode, contract.Address.PostalCode)
            .ShouldBe(("Jl. Kapten Pattimura 3", "Kebun Kopi", "Kota Baru", "1571", "36129"));
        (contract.DecreeNumber, contract.Nib, contract.MemberCount).ShouldBe(("AHU-0001.AH.01.29.TAHUN 2020", "9120301234567", 60));
    }

    [Fact]
    public async Task A_registration_stored_in_the_flat_shape_loads_and_answers_the_same()
    {
        var token = TestContext.Current.CancellationToken;
        var (id, decreeNumber) = await RegisterAsync();
        var client = registry.CreateClient();
        var before = await Api.GetAsync(client, $"/api/registry/cooperatives/{id}");

        // The event as the code before the profile wrote it: every field at the top level, with
        // optional members that were null left out and the older ones (predecessorIds, caseId) absent.
        var store = registry.Services.GetRequiredService<IDocumentStore>();
        var stored = await StoredEventAsync(id, token);
        var enumText = (string name) => stored[name]!.GetValue<string>();
        var flat = $$"""
            {
              "cooperativeId": "{{id}}",
              "name": "{{before["name"]!.GetValue<string>()}}",
              "form": "{{enumText("form")}}",
              "type": "{{enumText("type")}}",
              "syariah": true,
              "multiPihak": true,
              "memberClasses": ["petani", "pedagang"],
              "supervisionLevel": "{{enumText("supervisionLevel")}}",
              "address": { "street": "Jl. Jenderal Sudirman 8", "village": "Thehok", "kecamatan": "Jambi Selatan", "regencyCode": "1571", "postalCode": "36138" },
              "legalEntity": { "decreeNumber": "{{decreeNumber}}", "decreeDate": "2023-04-12" },
              "foundingMembers": 21,
              "memberCount": 35,
              "businessField": "Warung serba ada",
              "board": [{ "name": "Dewi Lestari", "position": "{{stored["board"]![0]!["position"]!.GetValue<string>()}}" }]
            }
            """;
        await ExecuteAsync(
            $"update {store.Options.Events.DatabaseSchemaName}.mt_events set data = @data::jsonb where stream_id = @id and type = 'cooperative-registered'",
            id, flat, token);

        // The state folded from the stored history again (as a projection rebuild does).
        await using (var session = store.LightweightSession())
        {
            var folded = (await session.Events.AggregateStreamAsync<Cooperative>(id, token: token)).ShouldNotBeNull();
            session.Store(folded);
            await session.SaveChangesAsync(token);
        }

        var document = await StoredDocumentAsync(store, id, token);
        document.ContainsKey("profile").ShouldBeFalse(document.ToJsonString());
        document["businessField"]!.GetValue<string>().ShouldBe("Warung serba ada");

        // Written before the kecamatan code existed: the address loads without it, and answers the same otherwise.
        before["address"]!["kecamatanCode"]!.GetValue<string>().ShouldBe("15.71.02");
        before = WithoutKecamatanCode(before);
        var after = await Api.GetAsync(client, $"/api/registry/cooperatives/{id}");
        after["address"]!["kecamatanCode"].ShouldBeNull();
        after = WithoutKecamatanCode(after);
        JsonNode.DeepEquals(after, before).ShouldBeTrue($"before: {before.ToJsonString()}\nafter: {after.ToJsonString()}");
        after["multiPihak"]!.GetValue<bool>().ShouldBeTrue();
        after["memberClasses"]!.AsArray().Select(c => c!.GetValue<string>()).ShouldBe(["petani", "pedagang"]);

        await using var query = store.QuerySession();
        var response = JsonSerializer.SerializeToNode(
            CooperativeResponse.From((await query.LoadAsync<Cooperative>(id, token)).ShouldNotBeNull()), KoperasiJson.Options);
        JsonNode.DeepEquals(WithoutKecamatanCode(response!.AsObject()), before).ShouldBeTrue(response!.ToJsonString());
    }

    private static JsonObject WithoutKecamatanCode(JsonObject cooperative)
    {
        var copy = cooperative.DeepClone().AsObject();
        copy["address"]!.AsObject().Remove("kecamatanCode");
        return copy;
    }

    private async Task<(Guid Id, string DecreeNumber)> RegisterAsync()
    {
        var registration = Api.Registration();
        registration["syariah"] = true;
        registration["multiPihak"] = true;
        registration["memberClasses"] = new JsonArray("petani", "pedagang");
        var registered = await Api.RegisterAsync(registry.CreateClient(), registration);
        return (Guid.Parse(registered["id"]!.GetValue<string>()), registration["legalEntity"]!["decreeNumber"]!.GetValue<string>());
    }

    private async Task<JsonObject> StoredEventAsync(Guid id, CancellationToken token)
    {
        var store = registry.Services.GetRequiredService<IDocumentStore>();
        return await ReadJsonAsync(
            $"select data::text from {store.Options.Events.DatabaseSchemaName}.mt_events where stream_id = @id and type = 'cooperative-registered'", id, token);
    }

    private static Task<JsonObject> StoredDocumentAsync(IDocumentStore store, Guid id, CancellationToken token) =>
        ReadJsonAsync($"select data::text from {store.Options.DatabaseSchemaName}.mt_doc_cooperative where id = @id", id, token);

    private static async Task<JsonObject> ReadJsonAsync(string sql, Guid id, CancellationToken token)
    {
        await using var connection = new NpgsqlConnection(TestInfrastructure.TestDatabase("registry"));
        await connection.OpenAsync(token);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("id", id);
        var text = (string?)await command.ExecuteScalarAsync(token);
        return JsonNode.Parse(text.ShouldNotBeNull())!.AsObject();
    }

    private static async Task ExecuteAsync(string sql, Guid id, string data, CancellationToken token)
    {
        await using var connection = new NpgsqlConnection(TestInfrastructure.TestDatabase("registry"));
        await connection.OpenAsync(token);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("data", data);
        (await command.ExecuteNonQueryAsync(token)).ShouldBe(1);
    }
}

using System.Globalization;
using System.Security.Cryptography;
using Koperasi.ServiceDefaults.Identity;
using Koperasi.ServiceDefaults.Persistence;
using Koperasi.ServiceDefaults.PersonalData;
using Koperasi.Testing;
using Marten;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Koperasi.ServiceDefaults.Tests.PersonalData;

/// <summary>An applicant's personal data as a service keeps it in the vault.</summary>
public sealed record Applicant(string Nik, string Name, string Phone, string BankAccount);

/// <summary>An event naming the applicant only by pseudonym, as the services' events do.</summary>
public sealed record ApplicationFiled(Guid ApplicantId, string RegencyCode, decimal Amount);

/// <summary>A service host with Marten and the vault, against the real PostgreSQL, in a given schema.</summary>
internal sealed class VaultHost : IAsyncDisposable
{
    public const string Database = "funding";

    private readonly IHost _host;
    private readonly AsyncServiceScope _scope;

    private VaultHost(IHost host)
    {
        _host = host;
        _scope = host.Services.CreateAsyncScope();
    }

    public IPersonalDataVault Vault => _scope.ServiceProvider.GetRequiredService<IPersonalDataVault>();

    public IDocumentStore Store => _host.Services.GetRequiredService<IDocumentStore>();

    public PersonalDataKeyRotation Rotation => _host.Services.GetRequiredService<PersonalDataKeyRotation>();

    public PersonalDataKeyRing Keys => _host.Services.GetRequiredService<PersonalDataKeyRing>();

    public static async Task<VaultHost> StartAsync(
        string schema, TimeProvider clock, string masterKey, string[] previousMasterKeys, Action<IHostApplicationBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder();
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = TestInfrastructure.TestDatabase(Database),
            ["Marten:Schema"] = schema,
            ["Marten:DaemonMode"] = "Disabled",
            ["PersonalData:MasterKey"] = masterKey,
            ["PersonalData:NikHashKey"] = TestSecrets.PersonalDataNikHashKey,
        };
        for (var i = 0; i < previousMasterKeys.Length; i++)
        {
            settings[$"PersonalData:PreviousMasterKeys:{i.ToString(CultureInfo.InvariantCulture)}"] = previousMasterKeys[i];
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton(clock);
        // The relay is part of every service's store; these tests publish nothing, so no broker.
        builder.Services.AddMassTransit(bus => bus.UsingInMemory());
        builder.AddKoperasiMarten<NothingPublished>(schema, options => options.Events.MapEventType<ApplicationFiled>("application-filed"));
        builder.AddPersonalDataVault();
        configure?.Invoke(builder);
        var host = builder.Build();
        await host.StartAsync();
        return new VaultHost(host);
    }

    /// <summary>Stores the applicant under a new pseudonym, with the event that names it, as an officer.</summary>
    public async Task<Guid> FileAsync(Applicant applicant, decimal amount = 5_000_000m)
    {
        var personId = Guid.CreateVersion7();
        await using var session = Store.OpenSessionAs("officer-pendaftaran", KoperasiRoles.AdminProvinsi);
        Vault.Store(session, personId, applicant, applicant.Nik);
        session.Events.StartStream(Guid.CreateVersion7(), new ApplicationFiled(personId, "1503", amount));
        await session.SaveChangesAsync();
        return personId;
    }

    public async Task EraseAsync(Guid personId, string reason = "The applicant withdrew consent (UU PDP art. 8)")
    {
        await using var session = Store.OpenSessionAs("officer-pdp", KoperasiRoles.AdminProvinsi);
        Vault.ErasePerson(session, personId, reason);
        await session.SaveChangesAsync();
    }

    public async Task<T?> LoadAsync<T>(Guid id) where T : notnull
    {
        await using var session = Store.QuerySession();
        return await session.LoadAsync<T>(id);
    }

    public async Task ReplaceAsync<T>(T document) where T : notnull
    {
        // A session of the store itself: the vault's guard must not be what stops the tampering.
        await using var session = Store.LightweightSession();
        session.Store(document);
        await session.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _host.StopAsync();
        _host.Dispose();
    }
}

/// <summary>One schema per test class, with a host on the run's keys and a clock the tests move.</summary>
public sealed class VaultFixture : IAsyncLifetime
{
    public string Schema { get; } = $"{TestInfrastructure.RunId}_vault_{Convert.ToHexString(RandomNumberGenerator.GetBytes(3)).ToLowerInvariant()}";

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 22, 3, 0, 0, TimeSpan.Zero));

    internal VaultHost Host { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Host = await StartHostAsync(TestSecrets.PersonalDataMasterKey, []);

    /// <summary>Another service process on the same schema, with its own keys.</summary>
    internal Task<VaultHost> StartHostAsync(string masterKey, params string[] previousMasterKeys) =>
        VaultHost.StartAsync(Schema, Clock, masterKey, previousMasterKeys);

    /// <summary>Another service process on the same schema and keys, configured further.</summary>
    internal Task<VaultHost> StartHostAsync(Action<IHostApplicationBuilder> configure) =>
        VaultHost.StartAsync(Schema, Clock, TestSecrets.PersonalDataMasterKey, [], configure);

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await using var connection = new NpgsqlConnection(TestInfrastructure.TestDatabase(VaultHost.Database));
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop schema if exists \"{Schema}\" cascade", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

/// <summary>Made-up people, unique per call.</summary>
internal static class People
{
    public static string NewNik() => "157101" + Digits(10);

    public static Applicant NewApplicant() => NewApplicant(NewNik());

    public static Applicant NewApplicant(string nik) =>
        new(nik, $"Siti Rahmawati {Convert.ToHexString(RandomNumberGenerator.GetBytes(4))}", "0812" + Digits(8), "7700" + Digits(9));

    private static string Digits(int count) =>
        string.Concat(Enumerable.Range(0, count).Select(_ => (char)('0' + RandomNumberGenerator.GetInt32(10))));
}

using Koperasi.Testing;
using Npgsql;

namespace Koperasi.Isolation.Tests;

/// <summary>
/// Each service's role owns its own two databases and nothing else: another service's role cannot
/// even connect to them, and no service role may create databases or roles.
/// </summary>
public sealed class DatabaseIsolationTests
{
    public static TheoryData<string, string> OtherServicesDatabases => [..
        from service in Platform.Services
        from other in Platform.Services
        where other != service
        from database in Platform.DatabasesOf(other)
        select (service, database)];

    public static TheoryData<string, string> OwnDatabases => [..
        from service in Platform.Services
        from database in Platform.DatabasesOf(service)
        select (service, database)];

    public static TheoryData<string> Services => [.. Platform.Services];

    private static async Task<NpgsqlConnection> OpenAsync(string service, string database)
    {
        var connection = new NpgsqlConnection(Platform.DatabaseAs(service, database));
        try
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    [Theory]
    [MemberData(nameof(OwnDatabases))]
    public async Task A_service_role_logs_in_to_its_own_databases(string service, string database)
    {
        await using var connection = await OpenAsync(service, database);
        await using var command = new NpgsqlCommand("select current_user", connection);

        (await command.ExecuteScalarAsync(TestContext.Current.CancellationToken)).ShouldBe($"koperasi_{service}");
    }

    [Theory]
    [MemberData(nameof(OtherServicesDatabases))]
    public async Task A_service_role_is_refused_on_the_databases_of_another_service(string service, string database)
    {
        var refused = await Should.ThrowAsync<PostgresException>(() => OpenAsync(service, database));

        refused.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
        refused.MessageText.ShouldContain($"permission denied for database \"{database}\"");
    }

    [Fact]
    public async Task The_transformation_role_cannot_read_the_tables_of_the_registry()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var schema = $"{TestInfrastructure.RunId}_isolation";
        await using (var registry = await OpenAsync("registry", "koperasi_registry_test"))
        {
            await using var create = new NpgsqlCommand(
                $"create schema \"{schema}\"; create table \"{schema}\".cooperatives (name text); insert into \"{schema}\".cooperatives values ('Koperasi Maju Bersama')",
                registry);
            await create.ExecuteNonQueryAsync(cancellation);
            await using var read = new NpgsqlCommand($"select count(*) from \"{schema}\".cooperatives", registry);
            (await read.ExecuteScalarAsync(cancellation)).ShouldBe(1L);
        }

        try
        {
            var refused = await Should.ThrowAsync<PostgresException>(async () =>
            {
                await using var transformation = await OpenAsync("transformation", "koperasi_registry_test");
                await using var read = new NpgsqlCommand($"select name from \"{schema}\".cooperatives", transformation);
                await read.ExecuteScalarAsync(cancellation);
            });

            refused.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
        }
        finally
        {
            await using var registry = await OpenAsync("registry", "koperasi_registry_test");
            await using var drop = new NpgsqlCommand($"drop schema if exists \"{schema}\" cascade", registry);
            await drop.ExecuteNonQueryAsync(cancellation);
        }
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task A_service_role_is_no_superuser_and_has_no_power_over_roles_or_databases(string service)
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var connection = await OpenAsync(service, $"koperasi_{service}_test");
        await using (var attributes = new NpgsqlCommand(
            "select rolsuper, rolcreaterole, rolcreatedb, rolreplication, rolbypassrls from pg_roles where rolname = current_user", connection))
        await using (var reader = await attributes.ExecuteReaderAsync(cancellation))
        {
            (await reader.ReadAsync(cancellation)).ShouldBeTrue();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                reader.GetBoolean(i).ShouldBeFalse(reader.GetName(i));
            }
        }

        var name = $"{TestInfrastructure.RunId}_{service}_forbidden";
        foreach (var statement in new[] { $"create database \"{name}\"", $"create role \"{name}\"" })
        {
            await using var command = new NpgsqlCommand(statement, connection);
            var refused = await Should.ThrowAsync<PostgresException>(() => command.ExecuteNonQueryAsync(cancellation));
            refused.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege, statement);
        }
    }
}

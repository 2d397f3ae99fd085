using Koperasi.ServiceDefaults.Persistence;
using Koperasi.Testing;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Koperasi.ServiceDefaults.Tests;

/// <summary>A lost race on a version or key is a warning; any other failure of Marten stays an error.</summary>
public sealed class MartenFailureLoggerTests
{
    private readonly CapturedLogs _logs = new();

    private MartenFailureLogger Logger() => new(_logs.CreateLogger("Marten.IDocumentStore"));

    public static TheoryData<string> Conflicts => [PostgresErrorCodes.UniqueViolation, PostgresErrorCodes.SerializationFailure];

    [Theory]
    [MemberData(nameof(Conflicts))]
    public void A_conflict_is_a_warning_without_the_command(string sqlState)
    {
        using var command = new NpgsqlCommand("insert into secret_table values ($1)");

        Logger().LogFailure(command, new PostgresException("duplicate key value", "ERROR", "ERROR", sqlState));

        var entry = _logs.Entries.ShouldHaveSingleItem();
        entry.Level.ShouldBe(LogLevel.Warning);
        entry.Message.ShouldContain(sqlState);
        entry.Message.ShouldNotContain("secret_table");
    }

    [Fact]
    public void A_stream_version_conflict_is_a_warning()
    {
        Logger().LogFailure(new JasperFx.ConcurrencyException(typeof(object), Guid.NewGuid()), "appending");

        _logs.Entries.ShouldHaveSingleItem().Level.ShouldBe(LogLevel.Warning);
    }

    [Fact]
    public void Any_other_failure_is_an_error_with_the_command()
    {
        using var command = new NpgsqlCommand("select broken()");

        Logger().LogFailure(command, new PostgresException("function broken() does not exist", "ERROR", "ERROR", PostgresErrorCodes.UndefinedFunction));

        var entry = _logs.Entries.ShouldHaveSingleItem();
        entry.Level.ShouldBe(LogLevel.Error);
        entry.Message.ShouldContain("select broken()");
    }
}

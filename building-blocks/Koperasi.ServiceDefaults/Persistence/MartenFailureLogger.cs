using Marten;
using Marten.Services;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Koperasi.ServiceDefaults.Persistence;

/// <summary>
/// Marten's logger for every service. A failure that is a lost race, not a fault (a concurrent
/// writer took the stream's version or the document's key first: a unique violation; or the
/// database asked for the transaction again: a serialization failure) is a warning: its caller
/// retries it (a consumer's retry) or answers a conflict, and whether the work fails for good is the
/// caller's to log as an error. Every other failure is an error with the SQL text (never its
/// parameters, which may carry personal data). Successful commands are logged at debug level.
/// </summary>
public sealed partial class MartenFailureLogger(ILogger logger) : IMartenLogger, IMartenSessionLogger
{
    /// <summary>The failure is a lost race on a version or key.</summary>
    public static bool IsConflict(Exception exception) =>
        exception is JasperFx.ConcurrencyException
        || (exception is PostgresException postgres && postgres.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.SerializationFailure)
        || (exception.InnerException is { } inner && IsConflict(inner));

    public IMartenSessionLogger StartSession(IQuerySession session) => this;

    public void SchemaChange(string sql) => SchemaChanged(logger, sql);

    public void LogSuccess(NpgsqlCommand command)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            Executed(logger, command.CommandText);
        }
    }

    public void LogSuccess(NpgsqlBatch batch)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            var sql = string.Join(";\n", batch.BatchCommands.Cast<NpgsqlBatchCommand>().Select(c => c.CommandText));
            Executed(logger, sql);
        }
    }

    public void LogFailure(NpgsqlCommand command, Exception ex) => LogFailure(ex, command.CommandText);

    public void LogFailure(NpgsqlBatch batch, Exception ex) =>
        LogFailure(ex, string.Join(";\n", batch.BatchCommands.Cast<NpgsqlBatchCommand>().Select(c => c.CommandText)));

    public void LogFailure(Exception ex, string message)
    {
        if (IsConflict(ex))
        {
            LostRace(logger, Describe(ex));
        }
        else
        {
            Failed(logger, ex, message);
        }
    }

    public void RecordSavedChanges(IDocumentSession session, IChangeSet commit)
    {
    }

    public void OnBeforeExecute(NpgsqlCommand command)
    {
    }

    public void OnBeforeExecute(NpgsqlBatch batch)
    {
    }

    private static string Describe(Exception exception) =>
        exception is PostgresException postgres ? $"{postgres.SqlState} on {postgres.ConstraintName ?? postgres.TableName ?? "?"}" : exception.GetType().Name;

    [LoggerMessage(Level = LogLevel.Information, Message = "Marten executed a schema change:\n{Sql}")]
    private static partial void SchemaChanged(ILogger logger, string sql);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Marten executed: {Sql}")]
    private static partial void Executed(ILogger logger, string sql);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A concurrent writer came first ({Conflict}); the caller retries or answers a conflict.")]
    private static partial void LostRace(ILogger logger, string conflict);

    [LoggerMessage(Level = LogLevel.Error, Message = "Marten encountered an exception executing\n{Sql}")]
    private static partial void Failed(ILogger logger, Exception exception, string sql);
}

using Marten;
using Npgsql;

namespace Koperasi.Funding.Reports;

/// <summary>One row of the totals table: what is decreed, disbursed and monitored in a cell.</summary>
public sealed record GrantTotalsRow(
    int Year, string RegencyCode, string Kecamatan, string Category, int Recipients, decimal Amount, int Disbursed, decimal DisbursedAmount, int Monitored);

/// <summary>Reads the totals the projection keeps (a few rows per kecamatan and category, never the streams).</summary>
public static class GrantTotals
{
    public static async Task<IReadOnlyList<GrantTotalsRow>> ReadAsync(IDocumentStore store, int? year, CancellationToken cancellationToken)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"""
            select year, regency_code, kecamatan, category, recipients, amount, disbursed, disbursed_amount, monitored
            from {store.Options.DatabaseSchemaName}.{GrantTotalsProjection.TableName}
            where ($1::integer is null or year = $1)
            """,
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)year ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer });
        var rows = new List<GrantTotalsRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new GrantTotalsRow(
                reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4), reader.GetDecimal(5),
                reader.GetInt32(6), reader.GetDecimal(7), reader.GetInt32(8)));
        }

        return rows;
    }
}

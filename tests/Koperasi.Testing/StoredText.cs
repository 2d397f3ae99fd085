using Npgsql;

namespace Koperasi.Testing;

/// <summary>Searches what a service stored (events, documents) for a text, as an auditor would.</summary>
public static class StoredText
{
    /// <summary>The tables of the schema (events and documents) whose JSON holds <paramref name="text"/>.</summary>
    public static async Task<IReadOnlyList<string>> TablesHoldingAsync(string connectionString, string schema, string text)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "select table_name from information_schema.columns where table_schema = @schema and column_name = 'data' and data_type in ('jsonb', 'json')",
            connection))
        {
            list.Parameters.AddWithValue("schema", schema);
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var holding = new List<string>();
        foreach (var table in tables)
        {
            await using var search = new NpgsqlCommand($"select exists (select 1 from \"{schema}\".\"{table}\" where strpos(data::text, @text) > 0)", connection);
            search.Parameters.AddWithValue("text", text);
            if ((bool)(await search.ExecuteScalarAsync())!)
            {
                holding.Add(table);
            }
        }

        return holding;
    }
}

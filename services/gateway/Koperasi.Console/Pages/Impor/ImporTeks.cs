namespace Koperasi.Console.Pages.Impor;

/// <summary>The Indonesian words of the Impor pages.</summary>
public static class ImporTeks
{
    public static string Status(string status) => status switch
    {
        "queued" => "Menunggu",
        "running" => "Sedang berjalan",
        "completed" => "Selesai",
        "failed" => "Gagal",
        _ => status,
    };

    /// <summary>The spreadsheet's column name as the file has it, or "–" for a row-wide error.</summary>
    public static string Column(string? column) => string.IsNullOrWhiteSpace(column) ? "–" : column;
}

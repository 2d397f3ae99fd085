using Koperasi.Console.Gateway;
using Koperasi.ServiceDefaults.Regions;

namespace Koperasi.Console.Pages.Dumisake;

/// <summary>
/// The programme form of <c>/dumisake/program/baru</c> and <c>/dumisake/program/{id}</c>: what
/// Funding's open and change take (docs/funding.md, Programmes). Category rows left empty are not
/// sent; a regency whose quota is left empty has none. The year and the name are set when the
/// programme opens and never change; the eligibility switches stay as Funding configures them.
/// </summary>
public sealed class ProgramForm
{
    /// <summary>Empty category rows a form offers for new categories.</summary>
    public const int NewCategoryRows = 3;

    public string? ETag { get; set; }
    public int? Year { get; set; }
    public string? Name { get; set; }
    public decimal? Budget { get; set; }
    public int? TargetRecipients { get; set; }
    public DateOnly? ReferenceDate { get; set; }
    public DateOnly? Opens { get; set; }
    public DateOnly? Closes { get; set; }
    public List<CategoryRow> Categories { get; set; } = [];
    public List<QuotaRow> Quotas { get; set; } = [];

    public sealed class CategoryRow
    {
        public string? Code { get; set; }
        public string? Name { get; set; }
        public decimal? Amount { get; set; }
        public bool Open { get; set; }

        /// <summary>A category the programme already has: its code is kept, it can only be closed.</summary>
        public bool Existing { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Code) && string.IsNullOrWhiteSpace(Name) && Amount is null;
    }

    public sealed class QuotaRow
    {
        public string? Regency { get; set; }
        public int? Quota { get; set; }
    }

    /// <summary>An empty form for a new programme of <paramref name="year"/>: the year's dates, no category yet.</summary>
    public static ProgramForm For(int year) => new ProgramForm
    {
        Year = year,
        ReferenceDate = new DateOnly(year, 1, 1),
        Opens = new DateOnly(year, 1, 1),
        Closes = new DateOnly(year, 12, 31),
    }.WithRows();

    /// <summary>The form of a programme as it is now.</summary>
    public static ProgramForm Of(ProgrammeDto programme, string? etag) => new ProgramForm
    {
        ETag = etag,
        Year = programme.Year,
        Name = programme.Name,
        Budget = programme.Budget,
        TargetRecipients = programme.TargetRecipients,
        ReferenceDate = programme.ReferenceDate,
        Opens = programme.Window.Opens,
        Closes = programme.Window.Closes,
        Categories = [.. programme.Categories.Select(c => new CategoryRow { Code = c.Code, Name = c.Name, Amount = c.Amount, Open = c.Open, Existing = true })],
        Quotas = [.. programme.RegencyQuotas.Select(q => new QuotaRow { Regency = q.Key, Quota = q.Value })],
    }.WithRows();

    /// <summary>Adds the empty rows a page shows: new categories, and one quota row per regency of Jambi.</summary>
    public ProgramForm WithRows()
    {
        while (Categories.Count(c => !c.Existing) < NewCategoryRows)
        {
            Categories.Add(new CategoryRow());
        }

        Quotas = [.. Regencies.All.Select(r => new QuotaRow { Regency = r.Code, Quota = Quotas.FirstOrDefault(q => q.Regency == r.Code)?.Quota })];
        return this;
    }

    /// <summary>The request to open the programme, or the first field the form left empty.</summary>
    public (OpenProgrammeRequest? Request, Masalah? Problem) ToOpen()
    {
        if (Year is not { } year)
        {
            return (null, Masalah.ForField("year", "Isi tahun program."));
        }

        var (parts, problem) = Parts();
        return parts is { } p
            ? (new OpenProgrammeRequest(year, Name?.Trim() ?? "", p.Budget, p.Target, p.Categories, p.ReferenceDate, p.Window, p.Quotas), null)
            : (null, problem);
    }

    /// <summary>The request to change the programme, or the first field the form left empty.</summary>
    public (ChangeProgrammeRequest? Request, Masalah? Problem) ToChange()
    {
        var (parts, problem) = Parts();
        return parts is { } p
            ? (new ChangeProgrammeRequest(p.Budget, p.Target, p.Categories, p.Quotas, p.ReferenceDate, p.Window), null)
            : (null, problem);
    }

    private sealed record Common(
        decimal Budget, int Target, IReadOnlyList<CategoryRequest> Categories, DateOnly ReferenceDate, WindowRequest Window, IReadOnlyDictionary<string, int> Quotas);

    private (Common? Parts, Masalah? Problem) Parts()
    {
        // Bounds and rules are the API's to judge (problems by field and rule); only what cannot be sent at all is asked here.
        if (Budget is not { } budget)
        {
            return (null, Masalah.ForField("budget", "Isi anggaran program."));
        }

        if (TargetRecipients is not { } target)
        {
            return (null, Masalah.ForField("targetRecipients", "Isi target penerima."));
        }

        if (ReferenceDate is not { } reference)
        {
            return (null, Masalah.ForField("referenceDate", "Isi tanggal acuan usia."));
        }

        if (Opens is not { } opens || Closes is not { } closes)
        {
            return (null, Masalah.ForField("window", "Isi tanggal masa pengajuan dibuka dan ditutup."));
        }

        var categories = Categories.Where(c => c.Existing || !c.IsBlank)
            .Select(c => new CategoryRequest(c.Code?.Trim() ?? "", c.Name?.Trim() ?? "", c.Amount ?? 0, !c.Existing || c.Open))
            .ToList();
        var quotas = Quotas.Where(q => q.Quota is not null && !string.IsNullOrWhiteSpace(q.Regency))
            .GroupBy(q => q.Regency!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Quota!.Value, StringComparer.Ordinal);
        return (new Common(budget, target, categories, reference, new WindowRequest(opens, closes), quotas), null);
    }
}

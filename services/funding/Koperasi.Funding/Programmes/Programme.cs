namespace Koperasi.Funding.Programmes;

/// <summary>
/// A year's Dumisake programme: its configuration and what has been decreed against its budget
/// and quotas (counters only: each decree batch is its own document, <c>DecreeBatch</c>, so this
/// state stays the same size however many batches are decreed). The state its stream folds to; deciding is pure (state and command in, events or
/// a broken rule out).
/// </summary>
public sealed partial record Programme
{
    public Guid Id { get; init; }

    /// <summary>Version of the stream this state was folded from.</summary>
    public long Version { get; set; }

    /// <summary>
    /// The stream's version at its last event other than a decree batch: a decree batch's If-Match
    /// from this version on still shows the officer the programme's terms as they are (ADR 0029).
    /// Set by the inline projection, which knows each event's version; null when not known (a
    /// document stored before it was kept, a state folded without versions).
    /// </summary>
    public long? TermsVersion { get; init; }

    public int Year { get; init; }
    public required string Name { get; init; }
    public decimal Budget { get; init; }
    public int TargetRecipients { get; init; }
    public IReadOnlyList<GrantCategory> Categories { get; init; } = [];
    public IReadOnlyDictionary<string, int> RegencyQuotas { get; init; } = new Dictionary<string, int>();
    public required EligibilityRules Eligibility { get; init; }
    public DateOnly ReferenceDate { get; init; }
    public required ApplicationWindow Window { get; init; }

    /// <summary>Sum of the grants decreed and not withdrawn.</summary>
    public decimal DecreedAmount { get; init; }

    /// <summary>Number of grants decreed and not withdrawn.</summary>
    public int DecreedRecipients { get; init; }

    /// <summary>Grants decreed and not withdrawn per regency (BPS code).</summary>
    public IReadOnlyDictionary<string, int> DecreedByRegency { get; init; } = new Dictionary<string, int>();

    public decimal RemainingBudget => Budget - DecreedAmount;

    public GrantCategory? Category(string code) => Categories.FirstOrDefault(c => c.Code == code);

    public int DecreedIn(string regencyCode) => DecreedByRegency.GetValueOrDefault(regencyCode);

    /// <summary>The fold: state after one more event. Used by Marten and by the tests alike.</summary>
    public static Programme? Fold(Programme? state, object @event) => (state, @event) switch
    {
        (null, ProgrammeOpened opened) => Opened(opened),
        (null, _) => null,
        ({ } current, ProgrammeBudgetChanged e) => current with { Budget = e.Budget, TargetRecipients = e.TargetRecipients },
        ({ } current, ProgrammeCategoriesChanged e) => current with { Categories = e.Categories },
        ({ } current, ProgrammeQuotasChanged e) => current with { RegencyQuotas = e.RegencyQuotas },
        ({ } current, ProgrammeEligibilityChanged e) => current with { Eligibility = e.Eligibility },
        ({ } current, ProgrammeScheduleChanged e) => current with { ReferenceDate = e.ReferenceDate, Window = e.Window },
        ({ } current, DecreeBatchIssued e) => current.WithBatch(e),
        ({ } current, DecreedGrantWithdrawn e) => current.WithWithdrawal(e),
        ({ } current, _) => current,
    };

    private static Programme Opened(ProgrammeOpened e) => new()
    {
        Id = e.ProgrammeId,
        Year = e.Year,
        Name = e.Name,
        Budget = e.Budget,
        TargetRecipients = e.TargetRecipients,
        Categories = e.Categories,
        RegencyQuotas = e.RegencyQuotas,
        Eligibility = e.Eligibility,
        ReferenceDate = e.ReferenceDate,
        Window = e.Window,
    };

    private Programme WithBatch(DecreeBatchIssued e)
    {
        var byRegency = new Dictionary<string, int>(DecreedByRegency);
        foreach (var grant in e.Grants)
        {
            byRegency[grant.RegencyCode] = byRegency.GetValueOrDefault(grant.RegencyCode) + 1;
        }

        var amount = e.Grants.Sum(g => g.Amount);
        return this with
        {
            DecreedAmount = DecreedAmount + amount,
            DecreedRecipients = DecreedRecipients + e.Grants.Count,
            DecreedByRegency = byRegency,
        };
    }

    private Programme WithWithdrawal(DecreedGrantWithdrawn e)
    {
        var byRegency = new Dictionary<string, int>(DecreedByRegency);
        byRegency[e.RegencyCode] = byRegency.GetValueOrDefault(e.RegencyCode) - 1;
        return this with
        {
            DecreedAmount = DecreedAmount - e.Amount,
            DecreedRecipients = DecreedRecipients - 1,
            DecreedByRegency = byRegency,
        };
    }
}

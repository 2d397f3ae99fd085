
namespace Koperasi.Registry.Activity;

/// <summary>
/// The activity rule's thresholds (policy, configuration section "Activity").
/// </summary>
public sealed record ActivityPolicy
{
    /// <summary>Consecutive financial years without a RAT after which a koperasi is tidak aktif.</summary>
    public int YearsWithoutRat { get; init; } = 3;

    /// <summary>
    /// Months after the financial year closes within which its RAT is due. UU 25/1992 asks three
    /// for a primer; Jambi's regencies run a January–June window, hence six by default.
    /// </summary>
    public int RatDeadlineMonths { get; init; } = 6;

    /// <summary>A NIK koperasi is issued only to a koperasi with a RAT within this many years.</summary>
    public int NikKoperasiRatWithinYears { get; init; } = 2;

    /// <summary>The first day on which the RAT of <paramref name="financialYear"/> is late.</summary>
    public DateOnly DeadlineOf(int financialYear) => new DateOnly(financialYear + 1, 1, 1).AddMonths(RatDeadlineMonths);

    /// <summary>The latest financial year whose RAT was due by <paramref name="day"/>.</summary>
    public int LatestDueYear(DateOnly day) => day >= DeadlineOf(day.Year - 1) ? day.Year - 1 : day.Year - 2;

    /// <summary>Rejects thresholds the rule cannot work with.</summary>
    public void Validate()
    {
        if (YearsWithoutRat < 1)
        {
            throw new InvalidOperationException("Activity:YearsWithoutRat must be at least 1.");
        }

        if (RatDeadlineMonths is < 1 or > 11)
        {
            throw new InvalidOperationException("Activity:RatDeadlineMonths must be between 1 and 11.");
        }
    }
}

namespace Koperasi.Funding.Reports;

/// <summary>
/// The medium-term target the reports measure against (configuration section <c>Reports</c>):
/// the RPJMD 2021–2026 of the province counts 4,500 recipients.
/// </summary>
public sealed class ReportSettings
{
    public int RpjmdTarget { get; set; } = 4500;
    public int RpjmdFirstYear { get; set; } = 2021;
    public int RpjmdLastYear { get; set; } = 2026;

    public void Validate()
    {
        if (RpjmdTarget < 1 || RpjmdFirstYear > RpjmdLastYear)
        {
            throw new InvalidOperationException("Reports: RpjmdTarget is at least 1 and RpjmdFirstYear not after RpjmdLastYear.");
        }
    }
}

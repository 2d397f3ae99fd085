using MassTransit;

namespace Koperasi.Contracts.Registry;

/// <summary>A koperasi reported the RAT (annual members' meeting) of a financial year.</summary>
/// <param name="CooperativeId">Internal id of the koperasi.</param>
/// <param name="StreamVersion">Version of the koperasi's stream after this event.</param>
/// <param name="OccurredAt">When the Registry recorded it.</param>
/// <param name="FinancialYear">The financial (calendar) year the RAT closes.</param>
/// <param name="HeldOn">Date of the meeting.</param>
/// <param name="MembersPresent">Members present.</param>
/// <param name="MembersTotal">Members in total on that day.</param>
/// <param name="Mode">"in-person" or "online".</param>
/// <param name="Late">Held after the deadline of the financial year.</param>
/// <param name="Assets">Total assets in rupiah, if reported.</param>
/// <param name="BusinessVolume">Business volume in rupiah, if reported.</param>
/// <param name="Surplus">Sisa hasil usaha (SHU) in rupiah, if reported.</param>
/// <param name="MemberCount">
/// The register's member count from this RAT on, when this RAT changed it (the latest year's RAT,
/// reported after the registration); null when the count stays as it was. Added compatibly in v1.
/// </param>
[MessageUrn("koperasi:registry:rat-reported:v1")]
public sealed record RatReported(
    Guid CooperativeId,
    long StreamVersion,
    DateTimeOffset OccurredAt,
    int FinancialYear,
    DateOnly HeldOn,
    int MembersPresent,
    int MembersTotal,
    string Mode,
    bool Late,
    decimal? Assets,
    decimal? BusinessVolume,
    decimal? Surplus,
    int? MemberCount = null) : IIntegrationEvent;

using MassTransit;

namespace Koperasi.Contracts.Registry;

/// <summary>
/// A pembina recorded a supervision (pembinaan) of a koperasi: a visit, a guidance session or
/// attendance at its RAT. The free text follows the platform's text rules: it never carries a
/// citizen's NIK, phone number or bank account.
/// </summary>
/// <param name="CooperativeId">Internal id of the koperasi.</param>
/// <param name="StreamVersion">Version of the koperasi's stream after this event.</param>
/// <param name="OccurredAt">When the Registry recorded it.</param>
/// <param name="RecordId">Id of the supervision record.</param>
/// <param name="Kind">"visit", "guidance" or "rat-attendance".</param>
/// <param name="HeldOn">The day it took place.</param>
/// <param name="PembinaUserId">The pembina who held it.</param>
/// <param name="RegencyCode">BPS code of the koperasi's regency.</param>
/// <param name="Findings">What the pembina found.</param>
/// <param name="Recommendations">What the pembina recommended.</param>
/// <param name="FollowUps">What the koperasi is to do, by when; numbered from 1.</param>
[MessageUrn("koperasi:registry:supervision-recorded:v1")]
public sealed record SupervisionRecorded(
    Guid CooperativeId,
    long StreamVersion,
    DateTimeOffset OccurredAt,
    Guid RecordId,
    string Kind,
    DateOnly HeldOn,
    string PembinaUserId,
    string RegencyCode,
    string Findings,
    string Recommendations,
    IReadOnlyList<SupervisionFollowUp> FollowUps) : IIntegrationEvent;

/// <summary>A follow-up of a supervision record.</summary>
/// <param name="Number">Its number within the record, from 1.</param>
/// <param name="Action">What is to be done.</param>
/// <param name="DueOn">The day by which it is due.</param>
public sealed record SupervisionFollowUp(int Number, string Action, DateOnly DueOn);

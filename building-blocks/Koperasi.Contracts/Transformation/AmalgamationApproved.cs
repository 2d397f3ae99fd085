using MassTransit;

namespace Koperasi.Contracts.Transformation;

/// <summary>
/// An amalgamation (peleburan) was decided, deeded and ratified: the register is to found
/// <paramref name="NewCooperative"/> and end every participant, dissolved by law without liquidation.
/// </summary>
/// <param name="CaseId">The case.</param>
/// <param name="StreamVersion">Version of the case's stream after this event.</param>
/// <param name="OccurredAt">When it was recorded.</param>
/// <param name="ParticipantIds">The koperasi that end.</param>
/// <param name="NewCooperative">The koperasi founded.</param>
/// <param name="Deed">The notarial deed of establishment of the new koperasi.</param>
/// <param name="Ratification">The ministry's decree: the new koperasi's legal-entity decree.</param>
/// <param name="EffectiveOn">The day it takes effect (the ratification's date).</param>
[MessageUrn("koperasi:transformation:amalgamation-approved:v1")]
public sealed record AmalgamationApproved(
    Guid CaseId,
    long StreamVersion,
    DateTimeOffset OccurredAt,
    IReadOnlyList<Guid> ParticipantIds,
    NewCooperative NewCooperative,
    Deed Deed,
    Ratification Ratification,
    DateOnly EffectiveOn) : IIntegrationEvent;

/// <summary>The koperasi an amalgamation founds. Its id is chosen by the case, so both services agree on it.</summary>
/// <param name="CooperativeId">Id the new koperasi gets in the register.</param>
/// <param name="Name">Name.</param>
/// <param name="Form">"primer" or "sekunder".</param>
/// <param name="Type">konsumen, produsen, simpan-pinjam, jasa, pemasaran.</param>
/// <param name="SavingsLoanScheme">"close-loop" or "open-loop" for simpan-pinjam, otherwise null.</param>
/// <param name="Syariah">Runs on sharia principles.</param>
/// <param name="MultiPihak">Multi-stakeholder.</param>
/// <param name="MemberClasses">Member classes of a multi-pihak koperasi.</param>
/// <param name="SupervisionLevel">"kabupaten-kota", "provinsi" or "nasional".</param>
/// <param name="Domicile">Domicile.</param>
/// <param name="BusinessField">Bidang usaha.</param>
public sealed record NewCooperative(
    Guid CooperativeId,
    string Name,
    string Form,
    string Type,
    string? SavingsLoanScheme,
    bool Syariah,
    bool MultiPihak,
    IReadOnlyList<string> MemberClasses,
    string SupervisionLevel,
    Domicile Domicile,
    string BusinessField);

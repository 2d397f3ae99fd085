namespace Koperasi.Transformation.Cases;

/// <summary>
/// A koperasi takes part in at most one open case. This document, keyed by the koperasi's id, is
/// inserted in the same transaction as the proposal that names it (by <see cref="ParticipationClaims"/>),
/// so of two proposals committing at the same moment the second fails on the key. Closing the case
/// releases it, except for a koperasi that the completed case ended: that one keeps its claim,
/// marked <see cref="Ended"/>, and never takes part again.
/// </summary>
/// <param name="Id">The koperasi.</param>
/// <param name="CaseId">The case that holds it.</param>
/// <param name="Ended">The case was completed and the koperasi ended in it (absorbed or amalgamated).</param>
public sealed record ParticipationClaim(Guid Id, Guid CaseId, bool Ended);

namespace Koperasi.Funding.Programmes;

/// <summary>
/// One programme per year. Inserted in the same transaction as the programme's first event; a
/// second programme of the year fails on this document's key.
/// </summary>
/// <param name="Id">The year.</param>
/// <param name="ProgrammeId">The programme opened for it.</param>
public sealed record ProgrammeYearClaim(int Id, Guid ProgrammeId);

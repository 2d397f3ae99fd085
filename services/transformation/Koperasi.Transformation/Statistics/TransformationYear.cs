using Koperasi.Transformation.Cases;

namespace Koperasi.Transformation.Statistics;

/// <summary>
/// The transformations that took effect in one year (by the effective date they carry, the
/// ratification's or the deed's, not the day the register applied them).
/// </summary>
/// <param name="Id">The year.</param>
/// <param name="Mergers">Completed mergers (penggabungan).</param>
/// <param name="Amalgamations">Completed amalgamations (peleburan).</param>
/// <param name="ArticlesAmendments">Completed changes of the articles of association.</param>
/// <param name="CooperativesAbsorbed">Koperasi that ended in them: absorbed in a merger or amalgamated into a new one.</param>
/// <param name="MembersMoved">Members who moved to a surviving or new koperasi.</param>
public sealed record TransformationYear(int Id, int Mergers, int Amalgamations, int ArticlesAmendments, int CooperativesAbsorbed, int MembersMoved)
{
    public static TransformationYear Empty(int year) => new(year, 0, 0, 0, 0, 0);

    public TransformationYear Add(CaseCompleted completed) => this with
    {
        Mergers = Mergers + (completed.Kind == CaseKind.Merger ? 1 : 0),
        Amalgamations = Amalgamations + (completed.Kind == CaseKind.Amalgamation ? 1 : 0),
        ArticlesAmendments = ArticlesAmendments + (completed.Kind == CaseKind.ArticlesAmendment ? 1 : 0),
        CooperativesAbsorbed = CooperativesAbsorbed + completed.EndedCooperativeIds.Count,
        MembersMoved = MembersMoved + completed.MembersMoved,
    };
}

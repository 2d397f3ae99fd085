using Koperasi.Transformation.Cases;
using Koperasi.ServiceDefaults.Regions;

namespace Koperasi.Transformation.Cooperatives;

/// <summary>
/// A koperasi as this service knows it from the register, the case that holds it, and whether it may
/// take part in a new case (if not, the rule and the reason a proposal would get).
/// </summary>
public sealed record CooperativeStanding(
    Guid Id,
    string? Name,
    string? RegencyCode,
    string? RegencyName,
    string? Form,
    string? Type,
    int? MemberCount,
    bool Registered,
    DateOnly? DissolvedOn,
    long StreamVersion,
    Guid? CaseId,
    bool MayTakePart,
    string? Rule,
    string? Reason)
{
    public static CooperativeStanding From(Guid id, Standing standing)
    {
        var known = standing.Cooperative ?? KnownCooperative.Unknown(id);
        var refused = TransformationCase.MayTakePart(id, standing, "id");
        return new CooperativeStanding(
            id, known.Name?.Value, known.RegencyCode?.Value, known.RegencyCode is { } code ? Regencies.NameOf(code.Value) : null,
            known.Form?.Value, known.Type?.Value, known.MemberCount?.Value, known.IsRegistered, known.DissolvedOn, known.StreamVersion,
            standing.Claim?.CaseId, refused is null, refused?.Rule, refused?.Detail);
    }
}

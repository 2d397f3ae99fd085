using System.Globalization;
using Koperasi.ServiceDefaults.Decisions;

namespace Koperasi.Registry.Cooperatives;

// Legal status: only a koperasi that exists as a legal entity changes or takes part in a
// transformation; a dissolved one stays in the register, read only, pointing to its successor.
public sealed partial record Cooperative
{
    public static DomainError NotRegistered(Guid id) =>
        DomainError.Conflict("cooperative-not-registered", $"No koperasi with id {id} is in the register.");

    /// <summary>A dissolved koperasi accepts no more reports or changes.</summary>
    private DomainError? CheckExisting() => Dissolution is { } dissolution
        ? DomainError.Conflict(
            "cooperative-dissolved",
            string.Create(CultureInfo.InvariantCulture, $"Koperasi {Id} ({Name}) was dissolved by {dissolution.Reason.ToString().ToLowerInvariant()} on {dissolution.EffectiveOn:yyyy-MM-dd}")
                + (dissolution.SuccessorId is { } successor ? $"; its successor is {successor}." : "."))
        : null;

    /// <summary>Takes part in a transformation that takes effect on <paramref name="effectiveOn"/>.</summary>
    private DomainError? CheckParticipant(DateOnly effectiveOn)
    {
        if (CheckExisting() is { } dissolved)
        {
            return dissolved;
        }

        return effectiveOn < LegalEntity.DecreeDate
            ? DomainError.Unprocessable(
                "transformation-before-legal-entity",
                $"Koperasi {Id} ({Name}) became a legal entity on {LegalEntity.DecreeDate:yyyy-MM-dd}; a transformation cannot take effect on {effectiveOn:yyyy-MM-dd}.")
            : null;
    }

    /// <summary>A transformation takes effect on its ratification: a date that has come.</summary>
    private static DomainError? CheckEffectiveOn(DateOnly effectiveOn, DateOnly today) => effectiveOn > today
        ? DomainError.Unprocessable("transformation-effective-in-future", $"The transformation takes effect on {effectiveOn:yyyy-MM-dd}, after today ({today:yyyy-MM-dd}).")
        : null;

    /// <summary>A koperasi named twice in one case.</summary>
    private static DomainError? CheckDistinct(IEnumerable<Guid> ids) => ids.GroupBy(id => id).FirstOrDefault(g => g.Count() > 1) is { } twice
        ? DomainError.Unprocessable("participant-listed-twice", $"Koperasi {twice.Key} is listed more than once in the case.")
        : null;

    /// <summary>Dissolved by law, without liquidation: its members, rights and obligations pass to the successor.</summary>
    private DissolutionRecorded DissolvedInto(Guid successorId, DissolutionReason reason, DateOnly effectiveOn, Guid caseId) =>
        new(Id, reason, effectiveOn, successorId, caseId, WithoutLiquidation: true);
}

using Koperasi.ServiceDefaults.Decisions;
using Koperasi.ServiceDefaults.Http;

namespace Koperasi.Transformation.Cases;

// Proposing a case of each kind.
public sealed partial record TransformationCase
{
    public static Decision ProposeMerger(MergerProposal command, IReadOnlyDictionary<Guid, Standing> standings, DateOnly today)
    {
        if (command.AbsorbedIds.Count == 0)
        {
            return DomainError.Unprocessable("merger-needs-absorbed-cooperative", "A merger needs at least one absorbed koperasi.", "absorbedIds");
        }

        var named = command.AbsorbedIds.Select((id, i) => new Named(id, $"absorbedIds[{i}]", ParticipantRole.Absorbed)).Prepend(new Named(command.SurvivorId, "survivorId", ParticipantRole.Survivor));
        if (CheckProposal(command.ProposedOn, today, [.. named], standings, out var participants) is { } broken)
        {
            return broken;
        }

        return Decision.Accept(new MergerProposed(command.CaseId, command.ProposedOn, participants[0], [.. participants.Skip(1)]));
    }

    public static Decision ProposeAmalgamation(AmalgamationProposal command, IReadOnlyDictionary<Guid, Standing> standings, DateOnly today)
    {
        if (command.ParticipantIds.Count < 2)
        {
            return DomainError.Unprocessable("amalgamation-needs-two-participants", "An amalgamation needs at least two participating koperasi.", "participantIds");
        }

        var founded = command.NewCooperative;
        if ((founded.Type == CooperativeType.SimpanPinjam) != founded.SavingsLoanScheme.HasValue)
        {
            return SchemeOnlyForSimpanPinjam("newCooperative.savingsLoanScheme");
        }

        if (founded.MultiPihak && founded.MemberClasses.Distinct(StringComparer.OrdinalIgnoreCase).Count() < 2)
        {
            return DomainError.Unprocessable("multi-pihak-needs-two-member-classes", "A multi-pihak koperasi has at least two member classes.", "newCooperative.memberClasses");
        }

        var named = command.ParticipantIds.Select((id, i) => new Named(id, $"participantIds[{i}]", ParticipantRole.Participant)).ToList();
        if (CheckProposal(command.ProposedOn, today, named, standings, out var participants) is { } broken)
        {
            return broken;
        }

        return Decision.Accept(new AmalgamationProposed(command.CaseId, command.ProposedOn, participants, founded));
    }

    public static Decision ProposeArticlesAmendment(ArticlesAmendmentProposal command, IReadOnlyDictionary<Guid, Standing> standings, DateOnly today)
    {
        var changes = command.Changes;
        if (changes.ChangeNothing)
        {
            return DomainError.Unprocessable("articles-amendment-needs-a-change", "A change of the articles needs at least one part that changes.", "changes");
        }

        if (CheckProposal(command.ProposedOn, today, [new Named(command.CooperativeId, "cooperativeId", ParticipantRole.Amended)], standings, out var participants) is { } broken)
        {
            return broken;
        }

        var current = standings[command.CooperativeId].Cooperative!;
        if (CheckChanges(changes, current) is { } unchanged)
        {
            return unchanged;
        }

        return Decision.Accept(new ArticlesAmendmentProposed(command.CaseId, command.ProposedOn, participants[0], changes, changes.NeedRatification));
    }

    private sealed record Named(Guid Id, string Field, ParticipantRole Role);

    private static DomainError? CheckProposal(DateOnly proposedOn, DateOnly today, IReadOnlyList<Named> named, IReadOnlyDictionary<Guid, Standing> standings, out List<Participant> participants)
    {
        participants = [];
        if (proposedOn > today)
        {
            return DomainError.Unprocessable("proposal-in-future", "The date of the proposal cannot be after today.", "proposedOn");
        }

        if (named.Where((n, i) => named.Take(i).Any(earlier => earlier.Id == n.Id)).FirstOrDefault() is { } repeated)
        {
            return DomainError.Unprocessable("participants-not-distinct", $"Koperasi {repeated.Id} is named more than once; each participant is a different koperasi.", repeated.Field);
        }

        foreach (var (id, field, role) in named)
        {
            if (MayTakePart(id, standings.GetValueOrDefault(id), field) is { } refused)
            {
                return refused;
            }

            var known = standings[id].Cooperative!;
            participants.Add(new Participant(id, known.Name!.Value, known.RegencyCode!.Value, role, known.MemberCount?.Value ?? 0));
        }

        return null;
    }

    /// <summary>
    /// Only a koperasi that legally exists, is not dissolved and is in no other open case may take part.
    /// </summary>
    public static DomainError? MayTakePart(Guid id, Standing? standing, string field)
    {
        var known = standing?.Cooperative;
        var name = known?.Name?.Value ?? $"Koperasi {id}";
        if (standing?.Claim is { Ended: true } ended)
        {
            return DomainError.Unprocessable("cooperative-dissolved", $"{name} ended in case {ended.CaseId}; a dissolved koperasi cannot take part.", field);
        }

        if (known is not { IsRegistered: true })
        {
            return DomainError.Unprocessable("cooperative-unknown", $"{name} is unknown: the register has not announced its registration.", field);
        }

        if (known.IsDissolved)
        {
            return DomainError.Unprocessable("cooperative-dissolved", $"{name} is no longer a legal entity since {known.DissolvedOn:yyyy-MM-dd}; a dissolved koperasi cannot take part.", field);
        }

        return standing!.Claim is { } claim
            ? DomainError.Conflict("cooperative-in-open-case", $"{name} takes part in case {claim.CaseId}, which is still open; a koperasi takes part in one open case at a time.", field)
            : null;
    }

    private static DomainError? CheckChanges(ArticlesChanges changes, Cooperatives.KnownCooperative current)
    {
        var currentType = current.Type?.Value;
        var typeAfter = changes.Type is { } type ? KebabEnum.Name(type) : currentType;
        var simpanPinjam = KebabEnum.Name(CooperativeType.SimpanPinjam);
        var schemeNeeded = typeAfter == simpanPinjam && currentType != simpanPinjam;
        if ((typeAfter != simpanPinjam && changes.SavingsLoanScheme is not null) || (schemeNeeded && changes.SavingsLoanScheme is null))
        {
            return SchemeOnlyForSimpanPinjam("changes.savingsLoanScheme");
        }

        if (changes.Name is { } name && string.Equals(name.Trim(), current.Name?.Value.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return Unchanged("changes.name", "name");
        }

        if (changes.Type is not null && typeAfter == currentType)
        {
            return Unchanged("changes.type", "type");
        }

        if (changes.Form is { } form && KebabEnum.Name(form) == current.Form?.Value)
        {
            return Unchanged("changes.form", "form");
        }

        return changes.Domicile is { } domicile && domicile.RegencyCode == current.RegencyCode?.Value
            ? DomainError.Unprocessable(
                "domicile-change-needs-another-regency",
                "The articles name the koperasi's domicile by regency; a move within the same regency is a notification to the register, not a change of the articles.",
                "changes.domicile.regencyCode")
            : null;
    }

    private static DomainError Unchanged(string field, string part) =>
        DomainError.Unprocessable("articles-part-unchanged", $"The proposed {part} is the same as the current one.", field);

    private static DomainError SchemeOnlyForSimpanPinjam(string field) =>
        DomainError.Unprocessable(
            "savings-loan-scheme-only-for-simpan-pinjam",
            "A simpan-pinjam koperasi chooses a close-loop or open-loop scheme; other types have no savings-and-loan scheme.",
            field);
}

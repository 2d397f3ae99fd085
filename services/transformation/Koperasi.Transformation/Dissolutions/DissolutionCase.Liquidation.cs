using Koperasi.ServiceDefaults.Decisions;

namespace Koperasi.Transformation.Dissolutions;

// After the decision, on both paths: the liquidation team (tim penyelesai), the creditors and their
// claims, the settlement, and the end of the legal entity.
public sealed partial record DissolutionCase
{
    public Decision NameLiquidationTeam(IReadOnlyList<string> members, DateOnly namedOn, DateOnly today)
    {
        if (ExpectDecided(DissolutionStage.Decided) is { } wrong)
        {
            return wrong;
        }

        if (members.Count == 0 || members.Any(string.IsNullOrWhiteSpace))
        {
            return DomainError.Unprocessable("liquidation-team-needs-members", "The liquidation team names at least one member, each by name.", "members");
        }

        return namedOn < Decided!.DecidedOn || namedOn > today
            ? DomainError.Unprocessable("team-date-out-of-range", $"The team is named between the decision ({Decided.DecidedOn:yyyy-MM-dd}) and today.", "namedOn")
            : Decision.Accept(new LiquidationTeamNamed(Id, CooperativeId, namedOn, [.. members.Select(m => m.Trim())]));
    }

    public Decision RecordCreditor(Guid creditorId, string name, DateOnly recordedOn, DateOnly today)
    {
        if (ExpectDecided(DissolutionStage.Decided, DissolutionStage.Liquidating) is { } wrong)
        {
            return wrong;
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            return DomainError.Unprocessable("creditor-name-required", "A creditor is recorded by name.", "name");
        }

        if (Creditors.Any(c => c.CreditorId == creditorId || string.Equals(c.Name, name.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            return DomainError.Conflict("creditor-already-recorded", $"The creditor {name.Trim()} is already recorded.", "name");
        }

        return recordedOn > today
            ? DomainError.Unprocessable("creditor-date-in-future", "A creditor is recorded on or before today.", "recordedOn")
            : Decision.Accept(new CreditorRecorded(Id, CooperativeId, creditorId, name.Trim(), recordedOn));
    }

    /// <summary>Notifies a creditor: from then the dissolution binds it, and its claim period runs.</summary>
    public Decision NotifyCreditor(Guid creditorId, DateOnly notifiedOn, DateOnly today)
    {
        if (ExpectDecided(DissolutionStage.Decided, DissolutionStage.Liquidating) is { } wrong)
        {
            return wrong;
        }

        if (Creditors.FirstOrDefault(c => c.CreditorId == creditorId) is not { } creditor)
        {
            return DomainError.Unprocessable("creditor-unknown", $"No creditor {creditorId} is recorded in this case.", "creditorId");
        }

        if (creditor.NotifiedOn is { } already)
        {
            return DomainError.Conflict("creditor-already-notified", $"{creditor.Name} was notified on {already:yyyy-MM-dd}.", "creditorId");
        }

        return notifiedOn < Decided!.DecidedOn || notifiedOn > today
            ? DomainError.Unprocessable("notification-date-out-of-range", $"A creditor is notified between the decision ({Decided.DecidedOn:yyyy-MM-dd}) and today.", "notifiedOn")
            : Decision.Accept(new CreditorNotified(Id, CooperativeId, creditorId, notifiedOn));
    }

    /// <summary>
    /// The day the claims close: the configured months after the last creditor's notification, and
    /// never before that many months after the team was named. Null while the team is not named.
    /// </summary>
    public DateOnly? ClaimsEndOn(DissolutionOptions options) => LiquidationTeamNamedOn is { } named
        ? Creditors.Select(c => c.NotifiedOn).OfType<DateOnly>().Append(named).Max().AddMonths(options.ClaimMonths)
        : null;

    public Decision Settle(DateOnly settledOn, DateOnly today, DissolutionOptions options)
    {
        if (ExpectDecided(DissolutionStage.Liquidating) is { } wrong)
        {
            return wrong;
        }

        if (CreditorsNotNotified is { Count: > 0 } unbound)
        {
            return DomainError.Conflict(
                "creditors-not-notified",
                $"{unbound.Count} creditor(s) are not notified yet ({string.Join(", ", unbound.Select(c => c.Name))}); the dissolution does not bind them until they are.");
        }

        if (settledOn > today)
        {
            return DomainError.Unprocessable("settlement-in-future", "The settlement is recorded on or before today.", "settledOn");
        }

        return settledOn < ClaimsEndOn(options)
            ? DomainError.Unprocessable(
                "claims-period-not-over",
                $"Creditors may claim until {ClaimsEndOn(options):yyyy-MM-dd} ({options.ClaimMonths} months after the last notification); the settlement comes after.",
                "settledOn")
            : Decision.Accept(new LiquidationSettled(Id, CooperativeId, settledOn));
    }

    public Decision Extinguish(DateOnly effectiveOn, DateOnly today)
    {
        if (ExpectDecided(DissolutionStage.Settled) is { } wrong)
        {
            return wrong;
        }

        return effectiveOn < SettledOn!.Value || effectiveOn > today
            ? DomainError.Unprocessable("extinction-date-out-of-range", $"The legal entity ends between the settlement ({SettledOn:yyyy-MM-dd}) and today.", "effectiveOn")
            : Decision.Accept(new LegalEntityExtinguished(Id, CooperativeId, Path, effectiveOn));
    }

    /// <summary>
    /// The register says the koperasi is aktif again (it held a RAT): the case is flagged revived, once.
    /// A closed case, or one already flagged, changes nothing (the message may be a redelivery).
    /// </summary>
    public Decision MarkRevived(DateOnly revivedOn) =>
        IsClosed || IsRevived ? Decision.Accept() : Decision.Accept(new DissolvingCooperativeRevived(Id, CooperativeId, revivedOn));

    /// <summary>An officer withdraws the case, with a reason, until it is decided.</summary>
    public Decision Withdraw(string reason, DateOnly withdrawnOn, DateOnly today)
    {
        if (IsClosed)
        {
            return DomainError.Conflict("case-closed", $"The case is {Stage.ToString().ToLowerInvariant()}; it takes no more steps.");
        }

        if (IsDecided)
        {
            return DomainError.Conflict("case-already-decided", $"The dissolution was decided on {Decided!.DecidedOn:yyyy-MM-dd}; it can no longer be withdrawn.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return DomainError.Unprocessable("withdrawal-reason-required", "A withdrawal gives its reason.", "reason");
        }

        return withdrawnOn < ProposedOn || withdrawnOn > today
            ? DomainError.Unprocessable("withdrawal-date-out-of-range", $"The withdrawal is dated between the proposal ({ProposedOn:yyyy-MM-dd}) and today.", "withdrawnOn")
            : Decision.Accept(new DissolutionWithdrawn(Id, CooperativeId, withdrawnOn, reason.Trim()));
    }

    private DomainError? ExpectDecided(params DissolutionStage[] stages) => IsClosed
        ? DomainError.Conflict("case-closed", $"The case is {Stage.ToString().ToLowerInvariant()}; it takes no more steps.")
        : !IsDecided
            ? DomainError.Conflict("dissolution-not-decided", "The liquidation starts once the dissolution is decided.")
            : stages.Contains(Stage)
                ? null
                : DomainError.Conflict("step-out-of-order", $"The case is at {Stage}; this step is taken at {string.Join(" or ", stages)}.");
}

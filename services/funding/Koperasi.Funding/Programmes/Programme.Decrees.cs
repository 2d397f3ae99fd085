using Koperasi.Funding.Applications;
using Koperasi.Funding.Cooperatives;
using Koperasi.ServiceDefaults.Decisions;

namespace Koperasi.Funding.Programmes;

// Decree batches against the budget and the quotas, and grants withdrawn.
public sealed partial record Programme
{
    /// <summary>
    /// Decides a batch as a whole: every application decreeable (eligible, of this programme, its
    /// koperasi aktif, no other grant the rules forbid), the budget and every quota still holding
    /// afterwards. Anything broken refuses the whole batch.
    /// </summary>
    /// <param name="command">The batch.</param>
    /// <param name="applications">The applications named, by id; null where none exists.</param>
    /// <param name="cooperatives">What Funding knows of the koperasi the applications name.</param>
    /// <param name="grantsHeld">Grants the applicants hold, by applicant.</param>
    /// <param name="decreeNumbersUsed">Decree numbers that already granted a batch of this programme (those asked for, at least).</param>
    /// <param name="today">Jambi's date.</param>
    public DecreeBatchOutcome IssueDecreeBatch(
        IssueDecreeBatch command,
        IReadOnlyDictionary<Guid, Application?> applications,
        IReadOnlyDictionary<Guid, CooperativeReplica?> cooperatives,
        IReadOnlyDictionary<Guid, IReadOnlyList<GrantHeld>> grantsHeld,
        IReadOnlyCollection<string> decreeNumbersUsed,
        DateOnly today)
    {
        var decreed = new Dictionary<Guid, object>();
        var grants = new List<DecreedGrant>();
        var refused = new List<ApplicationRefusal>();
        foreach (var id in command.ApplicationIds)
        {
            if (applications.GetValueOrDefault(id) is not { } application)
            {
                refused.Add(new ApplicationRefusal(id, "application-not-found", $"No application with id {id}."));
                continue;
            }

            var amount = Category(application.Category)?.Amount ?? 0;
            var decision = application.DecreeGrant(Id, new DecreeTerms(command.BatchId, command.DecreeNumber, command.DecreeDate, amount));
            var refusal = decision.Error is { } error
                ? new ApplicationRefusal(id, error.Rule, error.Detail)
                : CooperativeRefusal(application, cooperatives) ?? GrantLimitRefusal(application, grantsHeld);
            if (refusal is not null)
            {
                refused.Add(refusal);
                continue;
            }

            decreed[id] = decision.Events.Single();
            grants.Add(new DecreedGrant(id, application.RegencyCode, application.Category, amount));
        }

        var requested = grants.Sum(g => g.Amount);
        var budget = new BudgetFigures(Budget, DecreedAmount, requested, Budget - DecreedAmount);
        var quotas = grants.GroupBy(g => g.RegencyCode)
            .Where(g => RegencyQuotas.ContainsKey(g.Key))
            .Select(g => new QuotaFigures(g.Key, RegencyQuotas[g.Key], DecreedIn(g.Key), g.Count(), DecreedIn(g.Key) + g.Count() > RegencyQuotas[g.Key]))
            .OrderBy(q => q.RegencyCode, StringComparer.Ordinal)
            .ToList();

        var refusalOfBatch = BatchRefusal(command, decreeNumbersUsed, today, refused, budget, quotas);
        return refusalOfBatch is null
            ? new DecreeBatchOutcome(new DecreeBatchIssued(Id, command.BatchId, command.DecreeNumber, command.DecreeDate, grants), decreed, null)
            : new DecreeBatchOutcome(null, new Dictionary<Guid, object>(), refusalOfBatch);
    }

    /// <summary>Gives a cancelled grant's amount and place back to the budget and the quota.</summary>
    public Decision WithdrawGrant(Application application, string reason) =>
        application.Decree is { } decree && application.ProgrammeId == Id
            ? Decision.Accept(new DecreedGrantWithdrawn(Id, application.Id, application.RegencyCode, decree.Amount, reason))
            : DomainError.Conflict("grant-not-decreed", $"Application {application.Id} holds no grant of programme {Year}.");

    private DecreeBatchRefusal? BatchRefusal(
        IssueDecreeBatch command, IReadOnlyCollection<string> decreeNumbersUsed, DateOnly today, List<ApplicationRefusal> refused, BudgetFigures budget, List<QuotaFigures> quotas)
    {
        DecreeBatchRefusal Refuse(string rule, string detail, DomainErrorKind kind, IReadOnlyList<string>? rules = null) =>
            new(rule, detail, kind, rules ?? [rule], budget, quotas, refused);

        if (command.DecreeDate > today)
        {
            return Refuse("decree-date-in-future", $"A decree is dated when it is signed; {command.DecreeDate:yyyy-MM-dd} is after today.", DomainErrorKind.Unprocessable);
        }

        if (decreeNumbersUsed.Any(n => string.Equals(n, command.DecreeNumber, StringComparison.OrdinalIgnoreCase)))
        {
            return Refuse("decree-number-already-used", $"Decree {command.DecreeNumber} already granted a batch of programme {Year}.", DomainErrorKind.Conflict);
        }

        if (refused.Count > 0)
        {
            var rules = refused.Select(r => r.Rule).Distinct().ToList();
            return Refuse(
                rules.Count == 1 ? rules[0] : "applications-not-decreeable",
                $"{refused.Count} of {command.ApplicationIds.Count} applications cannot be decreed; nothing was decreed.",
                DomainErrorKind.Unprocessable,
                rules);
        }

        var broken = new List<string>();
        if (budget.Requested > budget.Remaining)
        {
            broken.Add("budget-exceeded");
        }

        if (quotas.Any(q => q.Exceeded))
        {
            broken.Add("regency-quota-exceeded");
        }

        return broken.Count == 0
            ? null
            : Refuse(
                broken[0],
                broken[0] == "budget-exceeded"
                    ? $"The batch asks Rp {budget.Requested:N0}; of the budget of Rp {budget.Budget:N0}, Rp {budget.AlreadyDecreed:N0} is decreed and Rp {budget.Remaining:N0} remains. Nothing was decreed."
                    : $"The batch would exceed the quota of {string.Join(", ", quotas.Where(q => q.Exceeded).Select(q => q.RegencyCode))}. Nothing was decreed.",
                DomainErrorKind.Conflict,
                broken);
    }

    private static ApplicationRefusal? CooperativeRefusal(Application application, IReadOnlyDictionary<Guid, CooperativeReplica?> cooperatives) =>
        application.CooperativeId is { } cooperativeId && CooperativeReplica.WhyNot(cooperativeId, cooperatives.GetValueOrDefault(cooperativeId)) is { } why
            ? new ApplicationRefusal(application.Id, "cooperative-not-active", why)
            : null;

    private ApplicationRefusal? GrantLimitRefusal(Application application, IReadOnlyDictionary<Guid, IReadOnlyList<GrantHeld>> grantsHeld)
    {
        var others = (grantsHeld.GetValueOrDefault(application.ApplicantId) ?? []).Where(g => g.ApplicationId != application.Id).ToList();
        return EligibilityCheck.GrantLimitFailure(this, others) is { } failure
            ? new ApplicationRefusal(application.Id, failure.Rule, failure.Detail)
            : null;
    }
}

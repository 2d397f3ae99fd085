using Koperasi.ServiceDefaults.Decisions;
using Koperasi.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Funding.Applications;

/// <summary>A broken rule as a problem answer, with every failed eligibility rule listed when there are some.</summary>
public static class Refusals
{
    public static ProblemHttpResult ToProblem(DomainError error, IReadOnlyList<EligibilityFailure> rules)
    {
        var problem = error.ToProblem();
        if (rules.Count > 0)
        {
            problem.ProblemDetails.Extensions["rules"] = rules;
        }

        return problem;
    }
}

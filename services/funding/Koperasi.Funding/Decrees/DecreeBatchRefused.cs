using Koperasi.Funding.Programmes;
using Koperasi.ServiceDefaults.Decisions;
using Koperasi.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Funding.Decrees;

/// <summary>
/// The answer to a refused batch: the rule, every rule broken, the budget (budget, already decreed,
/// requested, remaining), each regency's quota, decreed and requested, and each application that
/// cannot be decreed.
/// </summary>
public static class DecreeBatchRefused
{
    public static ProblemHttpResult Problem(DecreeBatchRefusal refusal) =>
        TypedResults.Problem(
            detail: refusal.Detail,
            statusCode: refusal.Kind == DomainErrorKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity,
            title: "Decree batch refused",
            type: Problems.TypePrefix + refusal.Rule,
            extensions: new Dictionary<string, object?>
            {
                ["rule"] = refusal.Rule,
                ["rules"] = refusal.Rules,
                ["budget"] = refusal.Budget,
                ["regencies"] = refusal.Regencies,
                ["applications"] = refusal.Applications,
            });
}

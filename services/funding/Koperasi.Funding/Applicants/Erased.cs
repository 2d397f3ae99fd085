using Koperasi.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Funding.Applicants;

/// <summary>The answer about an applicant whose personal data was erased.</summary>
public static class Erased
{
    public const string Rule = "applicant-erased";

    public static ProblemHttpResult Problem(Guid applicantId) =>
        TypedResults.Problem(
            detail: $"The personal data of applicant {applicantId} was erased; it can never be read again.",
            statusCode: StatusCodes.Status410Gone,
            title: "Applicant erased",
            type: Problems.TypePrefix + Rule,
            extensions: new Dictionary<string, object?> { ["rule"] = Rule });
}

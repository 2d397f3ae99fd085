using Koperasi.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.ServiceDefaults.Identity;

/// <summary>The answer when a caller scoped to some regencies acts on an object of another.</summary>
public static class OutsideRegency
{
    /// <summary>The rule's name (and problem type suffix).</summary>
    public const string Rule = "outside-your-regency";

    /// <summary>403: the object is in a regency the caller does not supervise.</summary>
    public static ProblemHttpResult Problem(string regencyCode, string field) =>
        TypedResults.Problem(
            detail: $"You may change only what belongs to the regencies you are assigned to; this is in {regencyCode}.",
            statusCode: StatusCodes.Status403Forbidden,
            title: "Outside your regency",
            type: Problems.TypePrefix + Rule,
            extensions: new Dictionary<string, object?> { ["rule"] = Rule, ["field"] = field });
}

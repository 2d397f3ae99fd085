using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.ServiceDefaults.Http;

/// <summary>
/// Collects field errors of one request, then answers them all in one problem: 400 for a wrong
/// shape, 422 when the only fault is personal data typed where it does not belong.
/// </summary>
public sealed class RequestValidation
{
    /// <summary>The rule (and problem type) of personal data found in a free-text field.</summary>
    public const string PersonalDataRule = "personal-data-in-text";

    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);
    private readonly HashSet<string> _personalData = new(StringComparer.Ordinal);

    /// <summary>True when no error was recorded.</summary>
    public bool IsValid => _errors.Count == 0;

    /// <summary>The errors recorded so far, by field (a copy).</summary>
    public IDictionary<string, string[]> Errors =>
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    /// <summary>Records an error on a field (a JSON path such as <c>address.regencyCode</c>).</summary>
    public RequestValidation Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            messages = [];
            _errors[field] = messages;
        }

        messages.Add(message);
        return this;
    }

    /// <summary>
    /// Records that a field holds what looks like a NIK, a phone number or a bank account. The
    /// message must describe the kind, never repeat the value.
    /// </summary>
    public RequestValidation AddPersonalData(string field, string message)
    {
        _personalData.Add(field);
        return Add(field, message);
    }

    /// <summary>Records an error when the condition is false.</summary>
    public RequestValidation Check(bool condition, string field, string message) =>
        condition ? this : Add(field, message);

    /// <summary>The errors as a 400 problem, for checks that record no personal data (query parameters of a read).</summary>
    public ValidationProblem ToValidationProblem() => _personalData.Count == 0
        ? Problems.Validation(Errors.ToDictionary(StringComparer.Ordinal))
        : throw new InvalidOperationException("Personal data in text answers 422: use ToProblem.");

    /// <summary>
    /// The errors as one problem: 400 (type <c>validation</c>) while any field has a wrong shape,
    /// otherwise 422 (type and rule <see cref="PersonalDataRule"/>) naming the fields that hold
    /// personal data.
    /// </summary>
    public ProblemHttpResult ToProblem()
    {
        var errors = Errors;
        var onlyPersonalData = errors.Keys.All(_personalData.Contains);
        var problem = new HttpValidationProblemDetails(errors.ToDictionary(StringComparer.Ordinal))
        {
            Status = onlyPersonalData ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status400BadRequest,
            Title = onlyPersonalData ? "Personal data in text" : "One or more validation errors occurred.",
            Detail = string.Join(" ", errors.SelectMany(e => e.Value)),
            Type = Problems.TypePrefix + (onlyPersonalData ? PersonalDataRule : "validation"),
        };
        if (onlyPersonalData)
        {
            problem.Extensions["rule"] = PersonalDataRule;
            problem.Extensions["field"] = errors.Keys.First();
        }

        return TypedResults.Problem(problem);
    }
}

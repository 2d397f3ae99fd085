using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.ServiceDefaults.Http;

/// <summary>Collects field errors of one request, then answers them all in one 400.</summary>
public sealed class RequestValidation
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    /// <summary>True when no error was recorded.</summary>
    public bool IsValid => _errors.Count == 0;

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

    /// <summary>Records an error when the condition is false.</summary>
    public RequestValidation Check(bool condition, string field, string message) =>
        condition ? this : Add(field, message);

    /// <summary>The errors as a 400 problem.</summary>
    public ValidationProblem ToProblem() =>
        Problems.Validation(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
}

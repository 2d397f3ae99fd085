namespace Koperasi.ServiceDefaults.Decisions;

/// <summary>
/// A domain rule the command would break. <see cref="Rule"/> is a stable kebab-case name that
/// becomes the problem type (<c>urn:koperasi:problem:{rule}</c>) so a client can branch on it.
/// </summary>
/// <param name="Rule">Stable name of the rule, e.g. <c>rat-year-already-reported</c>.</param>
/// <param name="Detail">What happened, for the person who sent the command.</param>
/// <param name="Kind">Whether the command conflicts with the current state or can never succeed as sent.</param>
/// <param name="Field">The request field the rule concerns, if one does.</param>
public sealed record DomainError(string Rule, string Detail, DomainErrorKind Kind = DomainErrorKind.Unprocessable, string? Field = null)
{
    /// <summary>The command conflicts with what is already recorded (HTTP 409).</summary>
    public static DomainError Conflict(string rule, string detail, string? field = null) =>
        new(rule, detail, DomainErrorKind.Conflict, field);

    /// <summary>The command breaks a rule whatever the state (HTTP 422).</summary>
    public static DomainError Unprocessable(string rule, string detail, string? field = null) =>
        new(rule, detail, DomainErrorKind.Unprocessable, field);
}

/// <summary>How a broken rule maps to HTTP.</summary>
public enum DomainErrorKind
{
    /// <summary>HTTP 422: the command is well formed but breaks a rule.</summary>
    Unprocessable,

    /// <summary>HTTP 409: the command conflicts with the recorded state.</summary>
    Conflict,
}

using Koperasi.ServiceDefaults.Decisions;
using Koperasi.ServiceDefaults.Http;

namespace Koperasi.Funding.Applications;

// Where in its flow an application must be for a step.
public sealed partial record Application
{
    /// <summary>The rule every step out of order breaks.</summary>
    public const string WrongStage = "wrong-stage";

    private DomainError? Expect(string step, params ApplicationStatus[] allowed) =>
        allowed.Contains(Status)
            ? null
            : DomainError.Conflict(
                WrongStage,
                $"The application is {KebabEnum.Name(Status)}; {step} needs it {string.Join(" or ", allowed.Select(s => KebabEnum.Name(s)))}.");

    private static DomainError? NotBetween(DateOnly day, DateOnly earliest, DateOnly today, string field, string what) =>
        day < earliest || day > today
            ? DomainError.Unprocessable("date-out-of-range", $"{what} is between {earliest:yyyy-MM-dd} and today ({today:yyyy-MM-dd}).", field)
            : null;
}

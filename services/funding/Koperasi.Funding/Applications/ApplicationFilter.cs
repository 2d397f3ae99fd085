using System.Security.Claims;
using Koperasi.ServiceDefaults.Http;

namespace Koperasi.Funding.Applications;

/// <summary>
/// The filters the list and the export of applications share, read from the query string and
/// checked in one place, and applied with the caller's regency scope: a pendamping never reaches
/// beyond its regencies, whatever it asks for.
/// </summary>
public sealed record ApplicationFilter(Guid? ProgrammeId, int? Year, string? RegencyCode, ApplicationStatus? Status, string? Category)
{
    /// <summary>The filter, or null with the errors recorded in <paramref name="v"/>, each naming its parameter.</summary>
    public static ApplicationFilter? Read(RequestValidation v, Guid? programmeId, int? year, string? regency, string? status, string? category)
    {
        var regencyCode = v.Regency(regency, "regency", required: false);
        v.Year(year, "year", 2000, 2999);
        var statusValue = KebabEnum.Parse<ApplicationStatus>(status, "status", v);
        v.KebabCode(category, "category", required: false);
        return v.IsValid ? new ApplicationFilter(programmeId, year, regencyCode, statusValue, FieldRules.Present(category)) : null;
    }

    /// <summary>The applications this filter selects among those <paramref name="user"/> reaches.</summary>
    public IQueryable<Application> Apply(IQueryable<Application> query, ClaimsPrincipal user)
    {
        if (user.LimitOf() is { } limit)
        {
            var reachable = limit.ToArray();
            query = query.Where(a => reachable.Contains(a.RegencyCode));
        }

        if (ProgrammeId is { } programme)
        {
            query = query.Where(a => a.ProgrammeId == programme);
        }

        if (Year is { } year)
        {
            query = query.Where(a => a.ProgrammeYear == year);
        }

        if (RegencyCode is { } regency)
        {
            query = query.Where(a => a.RegencyCode == regency);
        }

        if (Status is { } status)
        {
            query = query.Where(a => a.Status == status);
        }

        if (Category is { } category)
        {
            query = query.Where(a => a.Category == category);
        }

        return query;
    }
}

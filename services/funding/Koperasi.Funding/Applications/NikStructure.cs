using Koperasi.ServiceDefaults.Decisions;
using Koperasi.ServiceDefaults.PersonalData;

namespace Koperasi.Funding.Applications;

/// <summary>
/// The structure of a citizen NIK (DOMAIN "Dumisake grants"): 16 digits, the province, regency and
/// kecamatan of first registration, the birth date as DDMMYY with 40 added to the day for women,
/// and a serial. Nothing here repeats the NIK in a message. A <c>15</c> prefix says where the
/// person was first registered, not where they live: domicile is the application's address.
/// </summary>
public static class NikStructure
{
    /// <summary>What a well-formed NIK says about its holder.</summary>
    public sealed record Parts(int Day, int Month, Sex Sex);

    /// <summary>The parts of a well-formed NIK, or why it is not one (a message fit for a 400 answer).</summary>
    public static Parts? Read(string? nik, out string? problem)
    {
        problem = null;
        if (!Nik.IsNik(nik))
        {
            problem = "A NIK is 16 digits.";
            return null;
        }

        var province = Number(nik, 0);
        var regency = Number(nik, 2);
        var kecamatan = Number(nik, 4);
        var day = Number(nik, 6);
        var month = Number(nik, 8);
        var year = Number(nik, 10);
        var serial = Number(nik, 12, 4);
        var female = day > 40;
        var dayOfMonth = female ? day - 40 : day;
        problem = (province, regency, kecamatan, dayOfMonth, month, serial) switch
        {
            ( < 11, _, _, _, _, _) => "The first two digits of a NIK are a province code (11 or more).",
            (_, 0, _, _, _, _) or (_, _, 0, _, _, _) => "Digits 3 to 6 of a NIK are the regency and kecamatan of first registration; neither is 00.",
            (_, _, _, < 1 or > 31, _, _) => "Digits 7 and 8 of a NIK are the day of birth (01–31, or 41–71 for a woman).",
            (_, _, _, _, < 1 or > 12, _) => "Digits 9 and 10 of a NIK are the month of birth (01–12).",
            (_, _, _, _, _, 0) => "The last four digits of a NIK are a serial number starting at 0001.",
            _ when dayOfMonth > LongestMonth(month, year) =>
                $"Digits 7 to 12 of a NIK are the birth date as DDMMYY; day {dayOfMonth} of month {month} of a year ending {year:D2} does not exist.",
            _ => null,
        };
        return problem is null ? new Parts(dayOfMonth, month, female ? Sex.Female : Sex.Male) : null;
    }

    /// <summary>The first way the NIK disagrees with the birth date or sex stated in the application, if any.</summary>
    public static DomainError? Disagreement(Parts nik, DateOnly birthDate, Sex sex)
    {
        if (nik.Day != birthDate.Day || nik.Month != birthDate.Month)
        {
            return DomainError.Unprocessable(
                "nik-birth-date-mismatch",
                $"The NIK gives day {nik.Day} of month {nik.Month} as the birth date; the application says {birthDate:yyyy-MM-dd}.",
                "nik");
        }

        return nik.Sex != sex
            ? DomainError.Unprocessable(
                "nik-sex-mismatch",
                nik.Sex == Sex.Female
                    ? "The NIK is a woman's (40 added to the day of birth); the application says male."
                    : "The NIK is a man's (no 40 added to the day of birth); the application says female.",
                "nik")
            : null;
    }

    /// <summary>Days in the month; a two-digit year ending in a multiple of 4 may be a leap year (2000 was one).</summary>
    private static int LongestMonth(int month, int twoDigitYear) =>
        month == 2 ? (twoDigitYear % 4 == 0 ? 29 : 28) : DateTime.DaysInMonth(2001, month);

    private static int Number(string digits, int start, int length = 2) =>
        int.Parse(digits.AsSpan(start, length), System.Globalization.CultureInfo.InvariantCulture);
}

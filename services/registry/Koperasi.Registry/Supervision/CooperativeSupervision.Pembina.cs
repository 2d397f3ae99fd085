using Koperasi.Registry.Cooperatives;
using Koperasi.ServiceDefaults.Decisions;
using Koperasi.ServiceDefaults.Regions;

namespace Koperasi.Registry.Supervision;

// Assigning and reassigning pembina: at most one per level; a regency's pembina only for its regency.
public sealed partial record CooperativeSupervision
{
    /// <summary>Assigns a pembina at a level that has none; the same pembina again changes nothing.</summary>
    public Decision AssignPembina(Cooperative koperasi, AssignPembina command, DateOnly today)
    {
        if ((Existing(koperasi) ?? CheckPembina(koperasi, command)) is { } broken)
        {
            return broken;
        }

        return PembinaOf(command.Level) switch
        {
            null => Decision.Accept(new PembinaAssigned(CooperativeId, command.Level, command.PembinaUserId, command.RegencyCode, today)),
            { } same when same.PembinaUserId == command.PembinaUserId => Decision.Accept(),
            { } other => DomainError.Conflict(
                "pembina-already-assigned",
                $"The koperasi already has a {LevelName(command.Level)} pembina ({other.PembinaUserId}); a koperasi has at most one per level: reassign it instead.",
                "level"),
        };
    }

    /// <summary>Hands a level over to another pembina; the previous assignment ends today.</summary>
    public Decision ReassignPembina(Cooperative koperasi, AssignPembina command, DateOnly today)
    {
        if ((Existing(koperasi) ?? CheckPembina(koperasi, command)) is { } broken)
        {
            return broken;
        }

        return PembinaOf(command.Level) switch
        {
            null => DomainError.Conflict(
                "pembina-not-assigned",
                $"The koperasi has no {LevelName(command.Level)} pembina to reassign; assign one.",
                "level"),
            { } same when same.PembinaUserId == command.PembinaUserId => Decision.Accept(),
            { } previous => Decision.Accept(new PembinaReassigned(CooperativeId, command.Level, previous.PembinaUserId, command.PembinaUserId, command.RegencyCode, today)),
        };
    }

    private static DomainError? CheckPembina(Cooperative koperasi, AssignPembina command)
    {
        if (string.IsNullOrWhiteSpace(command.PembinaUserId))
        {
            return DomainError.Unprocessable("pembina-user-required", "The pembina is named by its user id.", "pembinaUserId");
        }

        return command switch
        {
            { Level: PembinaLevel.Provinsi, RegencyCode: not null } => DomainError.Unprocessable(
                "provincial-pembina-has-no-regency", "A provincial pembina supervises across the province; it names no regency.", "regencyCode"),
            { Level: PembinaLevel.KabupatenKota, RegencyCode: null } => DomainError.Unprocessable(
                "pembina-regency-required", "A kabupaten/kota pembina names the regency it supervises.", "regencyCode"),
            { Level: PembinaLevel.KabupatenKota, RegencyCode: { } regency } when regency != koperasi.Address.RegencyCode => DomainError.Unprocessable(
                "pembina-outside-regency",
                $"A pembina of {Regencies.NameOf(regency)} supervises only the koperasi of that regency; this one is in {Regencies.NameOf(koperasi.Address.RegencyCode)}.",
                "regencyCode"),
            _ => null,
        };
    }

    private static string LevelName(PembinaLevel level) => level == PembinaLevel.Provinsi ? "provincial" : "kabupaten/kota";

    /// <summary>A dissolved koperasi is no longer supervised: it takes no more supervision facts.</summary>
    private static DomainError? Existing(Cooperative koperasi) => koperasi.Dissolution is { } dissolution
        ? DomainError.Conflict(
            "cooperative-dissolved",
            $"Koperasi {koperasi.Id} ({koperasi.Name}) was dissolved on {dissolution.EffectiveOn:yyyy-MM-dd}; it takes no more supervision records.")
        : null;
}

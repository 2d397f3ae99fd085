using Koperasi.Registry.Cooperatives;
using Koperasi.ServiceDefaults.Decisions;
using Koperasi.ServiceDefaults.Regions;

namespace Koperasi.Registry.Supervision;

// Koperasi Desa/Kelurahan Merah Putih: a koperasi is the KDMP of one desa of its kecamatan, and a
// desa has at most one KDMP (KdmpDesaClaim holds that across koperasi).
public sealed partial record CooperativeSupervision
{
    /// <summary>Marks the koperasi as the KDMP of a desa of its kecamatan (and regency); the same desa again changes nothing.</summary>
    public Decision MarkKdmp(Cooperative koperasi, MarkKdmp command, DateOnly today)
    {
        if (Existing(koperasi) is { } dissolved)
        {
            return dissolved;
        }

        if (Places.FindDesa(command.DesaCode) is not { } desa)
        {
            return DomainError.Unprocessable("unknown-desa", "No desa or kelurahan of Jambi has that Kemendagri code (e.g. 15.71.04.1002).", "desaCode");
        }

        if (Kdmp is { } marked)
        {
            return marked.DesaCode == desa.Code
                ? Decision.Accept()
                : DomainError.Conflict("kdmp-already-marked", $"The koperasi is already the KDMP of desa {marked.DesaCode}; a koperasi is the KDMP of one desa.", "desaCode");
        }

        var kecamatan = Places.FindKecamatan(desa.KecamatanCode)!;
        if (kecamatan.RegencyCode != koperasi.Address.RegencyCode)
        {
            return DomainError.Unprocessable(
                "kdmp-desa-outside-regency",
                $"Desa {desa.Code} ({desa.Name}) is in {Regencies.NameOf(kecamatan.RegencyCode)}; the koperasi is in {Regencies.NameOf(koperasi.Address.RegencyCode)}.",
                "desaCode");
        }

        if (CheckKecamatan(koperasi, desa, kecamatan) is { } outside)
        {
            return outside;
        }

        return command.MarkedOn > today
            ? DomainError.Unprocessable("kdmp-marked-in-future", "A koperasi is marked as KDMP from today or a day that has passed.", "markedOn")
            : Decision.Accept(new KdmpMarked(CooperativeId, desa.Code, kecamatan.Code, kecamatan.RegencyCode, command.MarkedOn));
    }

    // A KDMP is the koperasi of a desa of its own kecamatan: the kecamatan code of its address, or,
    // for a koperasi registered with a free-text kecamatan, the kecamatan of its regency that name matches.
    private static DomainError? CheckKecamatan(Cooperative koperasi, Desa desa, Kecamatan kecamatan)
    {
        var own = koperasi.Address.KecamatanCode ?? Places.KecamatanCodeOf(koperasi.Address.RegencyCode, koperasi.Address.Kecamatan);
        if (own is null)
        {
            return DomainError.Unprocessable(
                "kdmp-kecamatan-unknown",
                $"The koperasi's kecamatan '{koperasi.Address.Kecamatan}' is no kecamatan of {Regencies.NameOf(koperasi.Address.RegencyCode)}; a KDMP is the koperasi of a desa of its own kecamatan: correct its address (a change of details) first.",
                "desaCode");
        }

        return own == desa.KecamatanCode
            ? null
            : DomainError.Unprocessable(
                "kdmp-desa-outside-kecamatan",
                $"Desa {desa.Code} ({desa.Name}) is in kecamatan {kecamatan.Name}; the koperasi is in kecamatan {Places.FindKecamatan(own)?.Name ?? own}. A KDMP is the koperasi of a desa of its own kecamatan.",
                "desaCode");
    }

    /// <summary>
    /// Records a dated formation step. The steps follow each other: musyawarah desa khusus, deed,
    /// legal entity; the same step on the same day again changes nothing.
    /// </summary>
    public Decision RecordKdmpFormationStep(Cooperative koperasi, RecordKdmpFormationStep command, DateOnly today)
    {
        if (Existing(koperasi) is { } dissolved)
        {
            return dissolved;
        }

        if (Kdmp is not { } kdmp)
        {
            return DomainError.Conflict("kdmp-not-marked", "The koperasi is not marked as the KDMP of a desa; mark it first.");
        }

        if (kdmp.Steps.TryGetValue(command.Step, out var recorded))
        {
            return recorded.On == command.On && recorded.Reference == command.Reference
                ? Decision.Accept()
                : DomainError.Conflict("kdmp-step-already-recorded", $"The step {command.Step} is already recorded on {recorded.On:yyyy-MM-dd}.", "step");
        }

        if (command.On > today)
        {
            return DomainError.Unprocessable("kdmp-step-in-future", "A formation step is recorded once it took place; the date is after today.", "on");
        }

        var outOfOrder = kdmp.Steps.FirstOrDefault(s => (s.Key < command.Step && s.Value.On > command.On) || (s.Key > command.Step && s.Value.On < command.On));
        return outOfOrder.Value is not null
            ? DomainError.Unprocessable(
                "kdmp-steps-out-of-order",
                $"The steps follow each other (musyawarah desa khusus, deed, legal entity); {outOfOrder.Key} is recorded on {outOfOrder.Value.On:yyyy-MM-dd}.",
                "on")
            : Decision.Accept(new KdmpFormationStepRecorded(CooperativeId, command.Step, command.On, command.Reference));
    }
}

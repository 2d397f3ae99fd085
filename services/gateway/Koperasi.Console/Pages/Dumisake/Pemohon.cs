namespace Koperasi.Console.Pages.Dumisake;

/// <summary>An applicant as a screen shows it: the name and masked NIK the API gave, the pseudonym only to an auditor, "(dihapus)" once erased.</summary>
public static class Pemohon
{
    public static string Of(ApplicantViewDto applicant) =>
        applicant.Erased ? "(dihapus)"
        : applicant.Name is null && applicant.MaskedNik is null ? $"Pemohon {DumisakeAkses.Brief(applicant.Id)} (disamarkan)"
        : $"{applicant.Name ?? "–"} · NIK {applicant.MaskedNik ?? "–"}";
}

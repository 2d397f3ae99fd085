namespace Koperasi.Funding.Applicants;

/// <summary>
/// The applicant's personal data as the vault keeps it, encrypted under the applicant's own key.
/// Never in an event, a read model or a message: events name the applicant by its pseudonymous id.
/// </summary>
/// <param name="Nik">The citizen NIK.</param>
/// <param name="Name">Full name as on the KTP.</param>
/// <param name="Phone">Phone number, if given.</param>
/// <param name="Street">Street address, if given (events carry only the regency and kecamatan).</param>
/// <param name="Village">Desa or kelurahan, if given.</param>
/// <param name="BankAccount">The account a grant is paid into, once known (added at disbursement).</param>
public sealed record ApplicantRecord(string Nik, string Name, string? Phone, string? Street = null, string? Village = null, BankAccount? BankAccount = null);

/// <summary>A bank account for the transfer of a grant.</summary>
public sealed record BankAccount(string BankCode, string AccountNumber, string AccountHolder);

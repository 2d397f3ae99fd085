// The Registry's vocabularies this service's cases use are the contracts' enums (docs/adr/0012),
// never copies: one definition of "primer", "simpan-pinjam", ... for publisher and consumer.
global using CooperativeForm = Koperasi.Contracts.Registry.CooperativeForm;
global using CooperativeType = Koperasi.Contracts.Registry.CooperativeType;
global using SavingsLoanScheme = Koperasi.Contracts.Registry.SavingsLoanScheme;
global using SupervisionLevel = Koperasi.Contracts.Registry.SupervisionLevel;

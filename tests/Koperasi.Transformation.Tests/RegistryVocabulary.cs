// The Registry's vocabularies, as the service under test uses them: the contracts' enums.
global using CooperativeForm = Koperasi.Contracts.Registry.CooperativeForm;
global using CooperativeType = Koperasi.Contracts.Registry.CooperativeType;
global using SavingsLoanScheme = Koperasi.Contracts.Registry.SavingsLoanScheme;
global using SupervisionLevel = Koperasi.Contracts.Registry.SupervisionLevel;

namespace Koperasi.Console.Gateway;

// The API's answers as the console reads them. Enum values stay strings (kebab-case, as the API
// writes them): the console shows them through Formatting.Istilah and never branches on a value it
// does not know. Only the members a page shows are here; the API may send more.

public sealed record RegencyRow(string RegencyCode, string RegencyName, long Aktif, long TidakAktif, long Total);

public sealed record RegencyTable(DateOnly AsOf, IReadOnlyList<RegencyRow> Rows, long Aktif, long TidakAktif, long Total);

public sealed record CooperativeItem(
    Guid Id, string Name, string Form, string Type, string SupervisionLevel, string RegencyCode, string RegencyName,
    string Kecamatan, string DecreeNumber, string Activity, int? LastRatYear, string? NikKoperasi, int MemberCount, string LegalStatus);

public sealed record CooperativePage(IReadOnlyList<CooperativeItem> Items, int PageNumber, int PageSize, long TotalCount);

public sealed record Address(string Street, string? Village, string Kecamatan, string RegencyCode, string RegencyName, string? PostalCode);

public sealed record LegalEntity(string DecreeNumber, DateOnly DecreeDate);

public sealed record NikKoperasi(string Number, DateOnly IssuedOn);

public sealed record BoardMember(string Name, string Position);

public sealed record RatRecord(int FinancialYear, DateOnly HeldOn, int MembersPresent, int MembersTotal, string Mode, decimal? Assets, decimal? BusinessVolume, decimal? Surplus, bool Late);

public sealed record GovernmentAid(string Programme, int Year, decimal Amount, DateOnly DisbursedOn);

public sealed record Cooperative(
    Guid Id, long Version, string Name, string Form, string Type, string SupervisionLevel, Address Address, LegalEntity LegalEntity,
    int MemberCount, string BusinessField, string? Nib, NikKoperasi? NikKoperasi, IReadOnlyList<BoardMember> Board, string Activity,
    DateOnly ActivitySince, IReadOnlyList<RatRecord> Rats, string LegalStatus, int ArticlesVersion, IReadOnlyList<GovernmentAid> GovernmentAid);

public sealed record HistoryEntry(long Version, string Type, DateTimeOffset RecordedAt, string? Actor, string? ActorRole);

public sealed record RatReportRequest(int FinancialYear, DateOnly HeldOn, int MembersPresent, int MembersTotal, string Mode, decimal? Assets, decimal? BusinessVolume, decimal? Surplus);

public sealed record RatReportResponse(Guid CooperativeId, int FinancialYear, bool Late, string Activity, long Version);

public sealed record AtRiskCooperative(Guid CooperativeId, string Name, string RegencyCode, DateOnly BecomesTidakAktifOn, int DueYear, IReadOnlyList<int> YearsMissed, int? LastRatYear);

public sealed record EarlyWarningResponse(DateOnly Today, string? Regency, string? PembinaUserId, IReadOnlyList<AtRiskCooperative> Koperasi);

public sealed record RegencyRef(string RegencyCode, string RegencyName);

public sealed record WithoutFlagshipResponse(DateOnly On, IReadOnlyList<RegencyRef> Regencies);

public sealed record KdmpCoverageRow(string Code, string Name, int DesaWithKdmp, int AllDesa);

public sealed record KdmpCoverageResponse(DateOnly On, int DesaWithKdmp, int AllDesa, IReadOnlyList<KdmpCoverageRow> Regencies);

public sealed record OpenFollowUp(Guid RecordId, int Number, string Action, DateOnly DueOn, bool Overdue);

public sealed record MyKoperasiRow(Guid CooperativeId, string Name, string RegencyCode, IReadOnlyList<string> Levels, string Activity, int? LastRatYear, DateOnly? LastRatHeldOn, IReadOnlyList<OpenFollowUp> OpenFollowUps);

public sealed record MyKoperasiResponse(string PembinaUserId, DateOnly Today, IReadOnlyList<MyKoperasiRow> Koperasi);

public sealed record OverdueFollowUp(Guid CooperativeId, string RegencyCode, Guid RecordId, int Number, string Action, DateOnly DueOn, int DaysOverdue, IReadOnlyList<string> Pembina);

public sealed record OverdueResponse(DateOnly On, string? Regency, string? PembinaUserId, IReadOnlyList<OverdueFollowUp> FollowUps);

public sealed record ArticlesVersion(int Number, DateOnly EffectiveOn, string Name, string Type, string Form, string BusinessField, IReadOnlyList<string> Changed, Guid? CaseId);

public sealed record ArticlesResponse(Guid CooperativeId, int CurrentVersion, IReadOnlyList<ArticlesVersion> Versions);

public sealed record SupervisionRequest(string Kind, DateOnly HeldOn, string Findings, string Recommendations, IReadOnlyList<FollowUpRequest>? FollowUps);

public sealed record FollowUpRequest(string Action, DateOnly DueOn);

public sealed record StepResponse(Guid CooperativeId, long Version);

public sealed record PublishedFigureSummary(Guid Id, string Title, IReadOnlyList<string> GroupBy, DateOnly AsOf, DateTimeOffset KnownOn, string PublishedBy, DateTimeOffset PublishedAt, long Total, long Members);

public sealed record PublishedFigureList(IReadOnlyList<PublishedFigureSummary> Items);

public sealed record FigureLateFact(Guid CooperativeId, string? CooperativeName, string EventType, DateOnly BusinessDate, DateTimeOffset Recorded, int CountChange, long MembersChange);

public sealed record FigureChangedCell(System.Text.Json.Nodes.JsonObject Cell, long FrozenCount, long CurrentCount, long FrozenMembers, long CurrentMembers, IReadOnlyList<FigureLateFact> LateFacts);

public sealed record FigureComparison(Guid Id, string Title, DateOnly AsOf, DateTimeOffset KnownOn, DateTimeOffset ComparedAt, long FrozenTotal, long CurrentTotal, IReadOnlyList<FigureChangedCell> ChangedCells);

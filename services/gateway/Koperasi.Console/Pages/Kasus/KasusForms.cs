namespace Koperasi.Console.Pages.Kasus;

// The step forms of the Kasus pages, bound from plain HTML form posts. Each carries the ETag of the
// case the page showed (If-Match), so a step taken on a stale page is refused (409), never applied twice.

public sealed class MeetingForm
{
    public string? ETag { get; set; }
    public Guid? CooperativeId { get; set; }
    public DateOnly? HeldOn { get; set; }
    public int? MembersPresent { get; set; }
    public int? MembersTotal { get; set; }
    public int? VotesFor { get; set; }
    public int? VotesAgainst { get; set; }
}

public sealed class DeedForm
{
    public string? ETag { get; set; }
    public string? Number { get; set; }
    public DateOnly? Date { get; set; }
    public string? Notary { get; set; }
}

public sealed class RatificationForm
{
    public string? ETag { get; set; }
    public string? DecreeNumber { get; set; }
    public DateOnly? DecreeDate { get; set; }
}

public sealed class WithdrawalForm
{
    public string? ETag { get; set; }
    public string? Reason { get; set; }
}

public sealed class MergerForm
{
    public string? Regency { get; set; }
    public Guid? SurvivorId { get; set; }
    public List<Guid> AbsorbedIds { get; set; } = [];
    public DateOnly? ProposedOn { get; set; }
}

/// <summary>The koperasi an amalgamation founds, checked by the API like a registration (its domicile in the page's regency).</summary>
public sealed class AmalgamationForm
{
    public string? Regency { get; set; }
    public List<Guid> ParticipantIds { get; set; } = [];
    public string? Name { get; set; }
    public string Form { get; set; } = "primer";
    public string Type { get; set; } = "konsumen";
    public string? SavingsLoanScheme { get; set; }
    public string SupervisionLevel { get; set; } = "kabupaten-kota";
    public string? Street { get; set; }
    public string? Kecamatan { get; set; }
    public string? BusinessField { get; set; }
    public DateOnly? ProposedOn { get; set; }

    public AmalgamationProposalRequest Request() => new(
        [.. ParticipantIds.Distinct()],
        new NewCooperativeRequest(
            Name ?? "", Form, Type, Type == "simpan-pinjam" ? Blank(SavingsLoanScheme) : null, SupervisionLevel,
            new DomicileRequest(Street ?? "", Kecamatan ?? "", Regency ?? ""), BusinessField ?? ""),
        ProposedOn);

    internal static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>A change of the articles: only the parts filled in change (a new domicile is given whole, in any regency).</summary>
public sealed class ArticlesAmendmentForm
{
    public string? Regency { get; set; }
    public Guid? CooperativeId { get; set; }
    public string? Name { get; set; }
    public string? Form { get; set; }
    public string? Type { get; set; }
    public string? SavingsLoanScheme { get; set; }
    public string? BusinessField { get; set; }
    public string? OtherArticles { get; set; }
    public string? DomicileRegency { get; set; }
    public string? Street { get; set; }
    public string? Kecamatan { get; set; }
    public DateOnly? ProposedOn { get; set; }

    public bool MovesDomicile => AmalgamationForm.Blank(Street) is not null || AmalgamationForm.Blank(Kecamatan) is not null || AmalgamationForm.Blank(DomicileRegency) is not null;

    public ArticlesAmendmentRequest Request(Guid cooperative) => new(
        cooperative,
        new ArticlesChangesRequest(
            AmalgamationForm.Blank(Name),
            MovesDomicile ? new DomicileRequest(Street ?? "", Kecamatan ?? "", DomicileRegency ?? "") : null,
            AmalgamationForm.Blank(Type),
            Type == "simpan-pinjam" ? AmalgamationForm.Blank(SavingsLoanScheme) : null,
            AmalgamationForm.Blank(Form),
            AmalgamationForm.Blank(BusinessField),
            AmalgamationForm.Blank(OtherArticles)),
        ProposedOn);
}

/// <summary>A dissolution proposed on the members' path: by the supervisory board, or by members (with how many).</summary>
public sealed class MembersDissolutionForm
{
    public string? Regency { get; set; }
    public Guid? CooperativeId { get; set; }
    public string Proposer { get; set; } = "supervisory-board";
    public int? ProposerCount { get; set; }
    public DateOnly? ProposedOn { get; set; }

    public MembersDissolutionRequest Request(Guid cooperative) =>
        new(cooperative, Proposer, Proposer == "members" ? ProposerCount : null, ProposedOn);
}

/// <summary>A ministry batch opened from the government-path cases chosen.</summary>
public sealed class BatchForm
{
    public string? Title { get; set; }
    public List<Guid> CaseIds { get; set; } = [];
    public DateOnly? OpenedOn { get; set; }
}

/// <summary>
/// One step of a dissolution case: <see cref="Step"/> names the API's step (its path under the case),
/// the other members are the fields a step may need (each form sends only its own).
/// </summary>
public sealed class DissolutionStepForm
{
    public string? ETag { get; set; }
    public string? Step { get; set; }
    public DateOnly? On { get; set; }
    public DateOnly? SecondOn { get; set; }
    public string? Number { get; set; }
    public string? Text { get; set; }
    public Guid? Id { get; set; }
    public bool Upheld { get; set; }
    public int? MembersPresent { get; set; }
    public int? MembersTotal { get; set; }
    public int? VotesFor { get; set; }
    public int? VotesAgainst { get; set; }

    /// <summary>The request body of the step, or the field left empty that it needs.</summary>
    public (object? Body, string? Missing) Request(Guid cooperativeId) => Step switch
    {
        "field-verification" => On is { } on && SecondOn is { } date
            ? (new Dictionary<string, object?> { ["verifiedOn"] = on, ["letter"] = new Dictionary<string, object?> { ["number"] = Number ?? "", ["date"] = date, ["desa"] = Text ?? "" } }, null)
            : (null, "verifiedOn"),
        "announcement" => On is { } on ? (new Dictionary<string, object?> { ["announcedOn"] = on }, null) : (null, "announcedOn"),
        "meeting-invitation" => On is { } on && SecondOn is { } meeting
            ? (new Dictionary<string, object?> { ["sentOn"] = on, ["meetingOn"] = meeting }, null)
            : (null, "sentOn"),
        "meeting" => On is { } on && MembersPresent is { } present && MembersTotal is { } total && VotesFor is { } votesFor && VotesAgainst is { } votesAgainst
            ? (new Dictionary<string, object?>
            {
                ["cooperativeId"] = cooperativeId, ["heldOn"] = on, ["membersPresent"] = present, ["membersTotal"] = total,
                ["votesFor"] = votesFor, ["votesAgainst"] = votesAgainst,
            }, null)
            : (null, "membersPresent"),
        "ministry-notice" => On is { } on ? (new Dictionary<string, object?> { ["number"] = Number ?? "", ["date"] = on }, null) : (null, "date"),
        "objection" => On is { } on ? (new Dictionary<string, object?> { ["filedOn"] = on, ["summary"] = Text ?? "" }, null) : (null, "filedOn"),
        "objection-decision" => On is { } on ? (new Dictionary<string, object?> { ["decidedOn"] = on, ["upheld"] = Upheld }, null) : (null, "decidedOn"),
        "liquidation-team" => On is { } on
            ? (new Dictionary<string, object?>
            {
                ["members"] = (Text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(), ["namedOn"] = on,
            }, null)
            : (null, "namedOn"),
        "creditors" => On is { } on ? (new Dictionary<string, object?> { ["name"] = Text ?? "", ["recordedOn"] = on }, null) : (null, "recordedOn"),
        "creditor-notifications" => On is { } on && Id is { } creditor
            ? (new Dictionary<string, object?> { ["creditorId"] = creditor, ["notifiedOn"] = on }, null)
            : (null, "notifiedOn"),
        "settlement" => On is { } on ? (new Dictionary<string, object?> { ["settledOn"] = on }, null) : (null, "settledOn"),
        "extinction" => On is { } on ? (new Dictionary<string, object?> { ["effectiveOn"] = on }, null) : (null, "effectiveOn"),
        "withdrawal" => (new Dictionary<string, object?> { ["reason"] = Text ?? "", ["withdrawnOn"] = On }, null),
        _ => (null, "step"),
    };
}

/// <summary>Starts a government-path dissolution from the candidates' worklist: the row's button carries the koperasi.</summary>
public sealed class CandidateForm
{
    public string? Regency { get; set; }
    public Guid? CooperativeId { get; set; }
    public string? Evidence { get; set; }
}

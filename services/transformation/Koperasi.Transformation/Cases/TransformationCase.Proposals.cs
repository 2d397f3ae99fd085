using Koperasi.ServiceDefaults.Decisions;
using Koperasi.ServiceDefaults.Http;

namespace Koperasi.Transformation.Cases;

// Proposing a case of each kind.
public sealed partial record TransformationCase
{
    public static Decision ProposeMerger(MergerProposal command, IReadOnlyDictionary<Guid, Standing> standings, DateOnly today)
    {
        if (command.AbsorbedIds.Count == 0)
        {
            return DomainError.Unprocessable("merger-needs-absorbed-cooperative", "Penggabungan memerlukan sedikitnya satu koperasi yang bergabung.", "absorbedIds");
        }

        var named = command.AbsorbedIds.Select((id, i) => new Named(id, $"absorbedIds[{i}]", ParticipantRole.Absorbed)).Prepend(new Named(command.SurvivorId, "survivorId", ParticipantRole.Survivor));
        if (CheckProposal(command.ProposedOn, today, [.. named], standings, out var participants) is { } broken)
        {
            return broken;
        }

        return Decision.Accept(new MergerProposed(command.CaseId, command.ProposedOn, participants[0], [.. participants.Skip(1)]));
    }

    public static Decision ProposeAmalgamation(AmalgamationProposal command, IReadOnlyDictionary<Guid, Standing> standings, DateOnly today)
    {
        if (command.ParticipantIds.Count < 2)
        {
            return DomainError.Unprocessable("amalgamation-needs-two-participants", "Peleburan memerlukan sedikitnya dua koperasi peserta.", "participantIds");
        }

        var founded = command.NewCooperative;
        if ((founded.Type == CooperativeType.SimpanPinjam) != founded.SavingsLoanScheme.HasValue)
        {
            return SchemeOnlyForSimpanPinjam("newCooperative.savingsLoanScheme");
        }

        if (founded.MultiPihak && founded.MemberClasses.Distinct(StringComparer.OrdinalIgnoreCase).Count() < 2)
        {
            return DomainError.Unprocessable("multi-pihak-needs-two-member-classes", "Koperasi multi-pihak memiliki sedikitnya dua kelompok anggota.", "newCooperative.memberClasses");
        }

        var named = command.ParticipantIds.Select((id, i) => new Named(id, $"participantIds[{i}]", ParticipantRole.Participant)).ToList();
        if (CheckProposal(command.ProposedOn, today, named, standings, out var participants) is { } broken)
        {
            return broken;
        }

        return Decision.Accept(new AmalgamationProposed(command.CaseId, command.ProposedOn, participants, founded));
    }

    public static Decision ProposeArticlesAmendment(ArticlesAmendmentProposal command, IReadOnlyDictionary<Guid, Standing> standings, DateOnly today)
    {
        var changes = command.Changes;
        if (changes.ChangeNothing)
        {
            return DomainError.Unprocessable("articles-amendment-needs-a-change", "Perubahan anggaran dasar memerlukan sedikitnya satu bagian yang berubah.", "changes");
        }

        if (CheckProposal(command.ProposedOn, today, [new Named(command.CooperativeId, "cooperativeId", ParticipantRole.Amended)], standings, out var participants) is { } broken)
        {
            return broken;
        }

        var current = standings[command.CooperativeId].Cooperative!;
        if (CheckChanges(changes, current) is { } unchanged)
        {
            return unchanged;
        }

        return Decision.Accept(new ArticlesAmendmentProposed(command.CaseId, command.ProposedOn, participants[0], changes, changes.NeedRatification));
    }

    private sealed record Named(Guid Id, string Field, ParticipantRole Role);

    private static DomainError? CheckProposal(DateOnly proposedOn, DateOnly today, IReadOnlyList<Named> named, IReadOnlyDictionary<Guid, Standing> standings, out List<Participant> participants)
    {
        participants = [];
        if (proposedOn > today)
        {
            return DomainError.Unprocessable("proposal-in-future", "Tanggal usul tidak boleh setelah hari ini.", "proposedOn");
        }

        if (named.Where((n, i) => named.Take(i).Any(earlier => earlier.Id == n.Id)).FirstOrDefault() is { } repeated)
        {
            return DomainError.Unprocessable("participants-not-distinct", $"Koperasi {repeated.Id} disebut lebih dari sekali; setiap peserta berbeda.", repeated.Field);
        }

        foreach (var (id, field, role) in named)
        {
            if (MayTakePart(id, standings.GetValueOrDefault(id), field) is { } refused)
            {
                return refused;
            }

            var known = standings[id].Cooperative!;
            participants.Add(new Participant(id, known.Name!.Value, known.RegencyCode!.Value, role, known.MemberCount?.Value ?? 0));
        }

        return null;
    }

    /// <summary>
    /// Only a koperasi that legally exists, is not dissolved and is in no other open case may take part.
    /// </summary>
    public static DomainError? MayTakePart(Guid id, Standing? standing, string field)
    {
        var known = standing?.Cooperative;
        var name = known?.Name?.Value ?? $"Koperasi {id}";
        if (standing?.Claim is { Ended: true } ended)
        {
            return DomainError.Unprocessable("cooperative-dissolved", $"{name} telah berakhir dalam kasus {ended.CaseId}; koperasi yang sudah bubar tidak dapat ikut.", field);
        }

        if (known is not { IsRegistered: true })
        {
            return DomainError.Unprocessable("cooperative-unknown", $"{name} tidak dikenal: register belum mengumumkan pendaftarannya.", field);
        }

        if (known.IsDissolved)
        {
            return DomainError.Unprocessable("cooperative-dissolved", $"{name} bukan lagi badan hukum sejak {known.DissolvedOn:yyyy-MM-dd}; koperasi yang sudah bubar tidak dapat ikut.", field);
        }

        return standing!.Claim is { } claim
            ? DomainError.Conflict("cooperative-in-open-case", $"{name} sedang ikut dalam kasus {claim.CaseId} yang belum selesai; satu koperasi hanya ikut satu kasus terbuka.", field)
            : null;
    }

    private static DomainError? CheckChanges(ArticlesChanges changes, Cooperatives.KnownCooperative current)
    {
        var currentType = current.Type?.Value;
        var typeAfter = changes.Type is { } type ? KebabEnum.Name(type) : currentType;
        var simpanPinjam = KebabEnum.Name(CooperativeType.SimpanPinjam);
        var schemeNeeded = typeAfter == simpanPinjam && currentType != simpanPinjam;
        if ((typeAfter != simpanPinjam && changes.SavingsLoanScheme is not null) || (schemeNeeded && changes.SavingsLoanScheme is null))
        {
            return SchemeOnlyForSimpanPinjam("changes.savingsLoanScheme");
        }

        if (changes.Name is { } name && string.Equals(name.Trim(), current.Name?.Value.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return Unchanged("changes.name", "nama");
        }

        if (changes.Type is not null && typeAfter == currentType)
        {
            return Unchanged("changes.type", "jenis");
        }

        if (changes.Form is { } form && KebabEnum.Name(form) == current.Form?.Value)
        {
            return Unchanged("changes.form", "bentuk");
        }

        return changes.Domicile is { } domicile && domicile.RegencyCode == current.RegencyCode?.Value
            ? DomainError.Unprocessable(
                "domicile-change-needs-another-regency",
                "Kedudukan koperasi dalam anggaran dasar adalah kabupaten/kota; pindah alamat di kabupaten/kota yang sama cukup diberitahukan ke register, bukan perubahan anggaran dasar.",
                "changes.domicile.regencyCode")
            : null;
    }

    private static DomainError Unchanged(string field, string part) =>
        DomainError.Unprocessable("articles-part-unchanged", $"Bagian {part} yang diusulkan sama dengan yang berlaku sekarang.", field);

    private static DomainError SchemeOnlyForSimpanPinjam(string field) =>
        DomainError.Unprocessable(
            "savings-loan-scheme-only-for-simpan-pinjam",
            "Koperasi simpan pinjam memilih skema close-loop atau open-loop; jenis lain tidak memiliki skema simpan pinjam.",
            field);
}

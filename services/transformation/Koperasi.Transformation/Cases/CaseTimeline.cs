using JasperFx.Events;
using Koperasi.ServiceDefaults.Persistence;

namespace Koperasi.Transformation.Cases;

/// <summary>The events of a case as an officer reads them: what happened, who recorded it and when.</summary>
public static class CaseTimeline
{
    public static IReadOnlyList<TimelineEntry> Of(IReadOnlyList<IEvent> events, TransformationCase state) =>
    [
        .. events.Select(e => new TimelineEntry(
            e.Version,
            e.EventTypeName,
            e.Timestamp,
            e.UserName,
            EventHeaders.ActorRoleOf(e),
            Describe(e.Data, state),
            e.Data)),
    ];

    /// <summary>One sentence in Bahasa Indonesia.</summary>
    public static string Describe(object data, TransformationCase state) => data switch
    {
        MergerProposed p => $"Usul penggabungan: {Names(p.Absorbed)} bergabung ke dalam {p.Survivor.Name}.",
        AmalgamationProposed p => $"Usul peleburan {Names(p.Participants)} menjadi koperasi baru {p.NewCooperative.Name}.",
        ArticlesAmendmentProposed p => $"Usul perubahan anggaran dasar {p.Cooperative.Name}" + (p.RatificationRequired ? " (memerlukan pengesahan kementerian)." : " (tanpa pengesahan kementerian)."),
        MembersMeetingRecorded m => $"Rapat anggota {NameOf(m.CooperativeId, state)} tanggal {m.HeldOn:yyyy-MM-dd}: hadir {m.MembersPresent} dari {m.MembersTotal}, setuju {m.VotesFor}, menolak {m.VotesAgainst}; "
            + (!m.QuorumMet ? $"kuorum {m.Quorum} tidak tercapai." : !m.MajorityReached ? $"suara setuju kurang dari {m.Majority}." : "menyetujui."),
        NotarialDeedRecorded d => $"Akta notaris nomor {d.Number} tanggal {d.Date:yyyy-MM-dd} oleh {d.Notary}.",
        RatificationRecorded r => $"Pengesahan kementerian: keputusan {r.DecreeNumber} tanggal {r.DecreeDate:yyyy-MM-dd}.",
        MergerCaseApproved a => Approved(a.EffectiveOn),
        AmalgamationCaseApproved a => Approved(a.EffectiveOn),
        ArticlesAmendmentCaseApproved a => Approved(a.EffectiveOn),
        CaseCompleted c => $"Selesai: register telah menerapkannya; {c.MembersMoved} anggota berpindah.",
        CaseRejected r => $"Ditolak ({r.Rule}): {r.Reason}",
        CaseWithdrawn w => $"Ditarik: {w.Reason}",
        _ => "",
    };

    private static string Approved(DateOnly effectiveOn) => $"Disetujui, berlaku {effectiveOn:yyyy-MM-dd}; diteruskan ke register untuk diterapkan.";

    private static string Names(IEnumerable<Participant> participants) => string.Join(", ", participants.Select(p => p.Name));

    private static string NameOf(Guid cooperativeId, TransformationCase state) =>
        state.Participants.FirstOrDefault(p => p.CooperativeId == cooperativeId)?.Name ?? cooperativeId.ToString();
}

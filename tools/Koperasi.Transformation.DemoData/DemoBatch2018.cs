using System.Text.Json;
using Koperasi.Demo;
using Koperasi.ServiceDefaults.Http;

namespace Koperasi.Transformation.Demo;

/// <summary>Why the ministry held a file of the 2018 batch back.</summary>
public enum HeldBackReason
{
    /// <summary>The ministry asked for the original deed (or a police report of its loss): answered documents needed.</summary>
    OriginalDeedMissing,

    /// <summary>The koperasi had received government aid: the ministry held the file back without an answer.</summary>
    GovernmentAid,
}

/// <summary>
/// The 2018 dissolution batch as the demo reproduces it, from the embedded <c>dissolution-2018.json</c>
/// (no figure in code): the approved count of each regency as published, the files held back per
/// regency and why, and the dates of every step.
/// </summary>
public sealed record DemoBatch2018(
    string Source,
    string Title,
    int Proposed,
    IReadOnlyList<DemoBatch2018.RegencyCount> Approved,
    IReadOnlyList<DemoBatch2018.HeldBackFiles> HeldBack,
    DemoBatch2018.Dates Schedule)
{
    public sealed record RegencyCount(string Code, int Count);

    public sealed record HeldBackFiles(string Code, int Count, HeldBackReason Reason);

    /// <summary>The day of each step, the same for every case of the batch.</summary>
    public sealed record Dates(
        DateOnly ProposedOn,
        DateOnly VillageLetterOn,
        DateOnly VerifiedOn,
        DateOnly AnnouncedOn,
        DateOnly BatchOpenedOn,
        DateOnly SentOn,
        DateOnly NoticeOn,
        DateOnly DecreeOn,
        DateOnly AnswersReceivedOn,
        DateOnly LiquidationTeamNamedOn,
        DateOnly SettledOn,
        DateOnly EffectiveOn);

    public int ApprovedTotal => Approved.Sum(r => r.Count);

    public int HeldBackTotal => HeldBack.Sum(r => r.Count);

    /// <summary>The koperasi the ministry approved, by the ids the Registry's demo registered them under (<see cref="DemoBatch2018Ids"/>), regency by regency.</summary>
    public IReadOnlyList<(Guid CooperativeId, string RegencyCode)> ApprovedCooperatives =>
        [.. Approved.SelectMany(r => Enumerable.Range(0, r.Count).Select(i => (DemoBatch2018Ids.CooperativeId(r.Code, i), r.Code)))];

    public static DemoBatch2018 Load()
    {
        using var stream = typeof(DemoBatch2018).Assembly.GetManifestResourceStream("demo/dissolution-2018.json")
            ?? throw new InvalidOperationException("The embedded demo/dissolution-2018.json is missing.");
        var batch = JsonSerializer.Deserialize<DemoBatch2018>(stream, KoperasiJson.Options)
            ?? throw new InvalidOperationException("The embedded demo/dissolution-2018.json is empty.");
        batch.Check();
        return batch;
    }

    /// <summary>The file adds up: every file proposed is approved or held back.</summary>
    public void Check()
    {
        if (ApprovedTotal + HeldBackTotal != Proposed)
        {
            throw new InvalidOperationException($"dissolution-2018.json: {ApprovedTotal} approved and {HeldBackTotal} held back make {ApprovedTotal + HeldBackTotal}, not the {Proposed} proposed.");
        }
    }
}

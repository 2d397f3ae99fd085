using System.Globalization;

namespace Koperasi.FakeMinistry;

/// <summary>One answer of the ministry, as its API gives it.</summary>
public sealed record Answer(Guid CooperativeId, string Kind, string? DecreeNumber, DateOnly? DecreeDate, string? Reason, IReadOnlyList<string> Documents);

/// <summary>What the script says for a koperasi: "approved", "rejected", "documents-needed" or "reverify", and its details.</summary>
public sealed record ScriptedAnswer(string Kind, string? Reason = null, IReadOnlyList<string>? Documents = null, DateOnly? DecreeDate = null);

/// <summary>
/// How the ministry answers, set through the control endpoints: a default for every koperasi (approved,
/// decreed on the day it answers), an answer per koperasi, and answers for koperasi that were never in
/// the batch (to try a reconciliation's mismatches).
/// </summary>
public sealed class Script
{
    public static readonly IReadOnlySet<string> Kinds = new HashSet<string>(StringComparer.Ordinal) { "approved", "rejected", "documents-needed", "reverify" };

    private readonly Lock _lock = new();
    private ScriptedAnswer _default = new("approved");
    private Dictionary<Guid, ScriptedAnswer> _byCooperative = [];
    private List<Answer> _extra = [];

    public void Set(ScriptedAnswer? byDefault, IReadOnlyDictionary<Guid, ScriptedAnswer>? byCooperative, IReadOnlyList<Answer>? extra)
    {
        lock (_lock)
        {
            _default = byDefault ?? new ScriptedAnswer("approved");
            _byCooperative = new Dictionary<Guid, ScriptedAnswer>(byCooperative ?? new Dictionary<Guid, ScriptedAnswer>());
            _extra = [.. extra ?? []];
        }
    }

    public void Reset() => Set(null, null, null);

    /// <summary>The answers for a registered batch, as of <paramref name="today"/>.</summary>
    public IReadOnlyList<Answer> AnswersFor(RegisteredBatch batch, DateOnly today)
    {
        lock (_lock)
        {
            var answers = batch.Proposals.Select((p, i) =>
            {
                var scripted = _byCooperative.GetValueOrDefault(p.CooperativeId) ?? _default;
                return scripted.Kind switch
                {
                    "approved" => new Answer(
                        p.CooperativeId, "approved",
                        string.Create(CultureInfo.InvariantCulture, $"{batch.Reference}/{i + 1:000}/KEP/M.KUKM.2"),
                        scripted.DecreeDate ?? today, null, []),
                    "rejected" => new Answer(p.CooperativeId, "rejected", null, null, scripted.Reason ?? "Not eligible for dissolution.", []),
                    "documents-needed" => new Answer(p.CooperativeId, "documents-needed", null, null, null, scripted.Documents ?? ["Original deed of establishment"]),
                    _ => new Answer(p.CooperativeId, "reverify", null, null, scripted.Reason, []),
                };
            });
            return [.. answers, .. _extra];
        }
    }
}

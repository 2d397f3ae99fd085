using System.Text.Json.Nodes;
using Koperasi.Testing;

namespace Koperasi.Transformation.Tests;

/// <summary>Walks a case over HTTP, as an officer would, and waits for what follows.</summary>
public static class Walk
{
    /// <summary>The days of a case's steps; the ratification's year is the year it takes effect.</summary>
    public sealed record Dates(string ProposedOn, string MeetingOn, string DeedOn, string RatifiedOn);

    public static readonly Dates Default = new(Api.ProposedOn, "2026-07-20", "2026-09-02", "2026-10-15");

    public static Dates In(int year) => new($"{year}-01-10", $"{year}-02-01", $"{year}-03-01", $"{year}-04-01");

    /// <summary>Proposes a case, records an approving meeting for every participant, the deed and (unless not needed) the ratification.</summary>
    public static async Task<JsonObject> ToApprovalAsync(HttpClient client, string kind, JsonObject proposal, IEnumerable<Guid> participants, Dates? dates = null, bool ratify = true)
    {
        dates ??= Default;
        proposal["proposedOn"] = dates.ProposedOn;
        var current = await Api.ProposeAsync(client, kind, proposal);
        foreach (var participant in participants)
        {
            // 200 members: no fewer than the register counts for any koperasi these tests register.
            current = await Api.StepOkAsync(client, current, "meetings", Api.Meeting(participant, heldOn: dates.MeetingOn, present: 160, total: 200, votesFor: 140, against: 10));
        }

        current = await Api.StepOkAsync(client, current, "deed", Api.Deed(dates.DeedOn));
        if (ratify)
        {
            current = await Api.StepOkAsync(client, current, "ratification", Api.Ratification(dates.RatifiedOn));
        }

        Api.Text(current["state"]).ShouldBe("approved");
        return current;
    }

    /// <summary>Waits until the case reaches <paramref name="state"/> and gives it.</summary>
    public static Task<JsonObject> UntilStateAsync(HttpClient client, JsonObject @case, string state) =>
        Eventually.ValueAsync(async () =>
        {
            var read = await Api.CaseAsync(client, @case);
            return Api.Text(read["state"]) == state ? read : null;
        }, $"case {@case["id"]} to be {state}");
}

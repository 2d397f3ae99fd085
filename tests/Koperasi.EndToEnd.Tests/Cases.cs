using System.Net;
using System.Text.Json.Nodes;

namespace Koperasi.EndToEnd.Tests;

/// <summary>The Transformation service's API: cases walked step by step, as an officer records them.</summary>
public static class Cases
{
    public const string Path = "/api/transformation/cases";

    /// <summary>The days of a case in one year: proposed, members' meetings, deed, ratification (the day it takes effect).</summary>
    public sealed record Dates(int Year)
    {
        public string ProposedOn => $"{Year}-01-10";
        public string MeetingOn => $"{Year}-02-01";
        public string DeedOn => $"{Year}-03-01";
        public string RatifiedOn => $"{Year}-04-01";
    }

    /// <summary>Waits until the Transformation service learned of the koperasi from the Registry and may take them into a case.</summary>
    public static async Task KnownAsync(HttpClient client, params (Guid Id, string Name)[] cooperatives)
    {
        foreach (var (id, name) in cooperatives)
        {
            await Api.UntilAsync(
                () => Api.GetAsync(client, $"/api/transformation/cooperatives?q={Uri.EscapeDataString(name)}"),
                page => page["items"]!.AsArray().Any(i => Api.Id(i) == id && i!["mayTakePart"]!.GetValue<bool>()),
                $"the Transformation service to know {name}");
        }
    }

    public static Task<JsonObject> ProposeAsync(HttpClient client, string kind, JsonObject proposal) =>
        Api.SendAsync(client, HttpMethod.Post, $"{Path}/{kind}", proposal, HttpStatusCode.Created);

    public static Task<JsonObject> StepAsync(HttpClient client, JsonObject @case, string step, JsonObject body) =>
        Api.SendAsync(client, HttpMethod.Post, $"{Path}/{Api.Id(@case)}/{step}", body, ifMatch: @case["version"]!.GetValue<long>());

    public static JsonObject Meeting(Guid cooperative, Dates dates, int present = 80, int total = 100, int votesFor = 70, int against = 5) => new()
    {
        ["cooperativeId"] = cooperative,
        ["heldOn"] = dates.MeetingOn,
        ["membersPresent"] = present,
        ["membersTotal"] = total,
        ["votesFor"] = votesFor,
        ["votesAgainst"] = against,
    };

    /// <summary>Every participant's meeting approves, then the notarial deed: the case awaits its ratification.</summary>
    public static async Task<JsonObject> ToDeedAsync(HttpClient client, string kind, JsonObject proposal, IEnumerable<Guid> participants, Dates dates)
    {
        proposal["proposedOn"] = dates.ProposedOn;
        var current = await ProposeAsync(client, kind, proposal);
        foreach (var participant in participants)
        {
            current = await StepAsync(client, current, "meetings", Meeting(participant, dates));
        }

        return await StepAsync(client, current, "deed", new JsonObject { ["number"] = "14", ["date"] = dates.DeedOn, ["notary"] = "Notaris Contoh Satu, S.H., M.Kn." });
    }

    public static async Task<JsonObject> RatifyAsync(HttpClient client, JsonObject @case, Dates dates)
    {
        var ratified = await StepAsync(client, @case, "ratification", new JsonObject { ["decreeNumber"] = $"AHU-{Guid.NewGuid():N}.AH.01.29.TAHUN {dates.Year}", ["decreeDate"] = dates.RatifiedOn });
        Api.Text(ratified["state"]).ShouldBe("approved");
        return ratified;
    }

    public static Task<JsonObject> UntilStateAsync(HttpClient client, JsonObject @case, string state) =>
        Api.UntilAsync(() => Api.GetAsync(client, $"{Path}/{Api.Id(@case)}"), c => Api.Text(c["state"]) == state, $"case {Api.Id(@case)} to be {state}");

    /// <summary>Transformations completed in a year, as the Transformation service counts them.</summary>
    public static async Task<JsonObject> YearAsync(HttpClient client, int year) =>
        (await Api.GetAsync(client, $"/api/transformation/statistics?year={year}"))["years"]![0]!.AsObject();
}

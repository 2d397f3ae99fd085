using System.Text.Json;
using System.Text.Json.Nodes;
using Koperasi.Funding.Applicants;
using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Persistence;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Funding.Applications;

/// <summary>
/// The history of an application: every event of its stream, with who recorded it and when. The
/// events name the applicant by pseudonym; the birth date they keep for the eligibility rules is
/// never shown (with the masked NIK it would complete the NIK), and once the applicant is erased
/// neither is the sex, the NIB or what officers typed or attached about the person (notes, findings,
/// photos, missing documents, their own eligibility findings, the cancellation reason).
/// </summary>
public static class GetApplicationHistory
{
    public static void Map(RouteGroupBuilder applications) =>
        applications.MapGet("/{id:guid}/history", Handle)
            .WithName("GetApplicationHistory")
            .RequireAuthorization(FundingPolicies.ReadHistory)
            .WithSummary("History of an application")
            .WithDescription("Every event with who recorded it, in which role and when. Never the birth date; once the applicant is erased, the sex, the NIB and the free texts (notes, findings, photos, the cancellation reason) are null.")
            .Produces<IReadOnlyList<HistoryEntry>>()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<IReadOnlyList<HistoryEntry>>, ProblemHttpResult>> Handle(
        Guid id, IQuerySession session, CancellationToken cancellationToken)
    {
        var events = await session.Events.FetchStreamAsync(id, token: cancellationToken);
        if (events.Count == 0 || events[0].Data is not ApplicationSubmitted submitted)
        {
            return Problems.NotFound("application", id);
        }

        var erased = await session.LoadAsync<ApplicantCard>(submitted.ApplicantId, cancellationToken) is null;
        return TypedResults.Ok<IReadOnlyList<HistoryEntry>>([.. events.Select(e => HistoryEntry.Of(e) with { Data = Shown(e.Data, erased, KoperasiJson.Options) })]);
    }

    /// <summary>An event as the history shows it: its JSON without the birth date, and without the person's details once erased.</summary>
    public static JsonObject Shown(object data, bool erased, JsonSerializerOptions options)
    {
        var shown = (JsonObject)JsonSerializer.SerializeToNode(data, data.GetType(), options)!;
        string Name(string property) => options.PropertyNamingPolicy?.ConvertName(property) ?? property;
        shown.Remove(Name(nameof(ApplicationSubmitted.BirthDate)));
        if (erased)
        {
            foreach (var property in ErasedWithThePerson(data))
            {
                if (shown.ContainsKey(Name(property)))
                {
                    shown[Name(property)] = null;
                }
            }

            // An officer's own finding among the reasons keeps its rule name, not its text.
            foreach (var reason in (shown[Name(nameof(ApplicationFoundNotEligible.Reasons))] as JsonArray ?? []).OfType<JsonObject>())
            {
                if (reason[Name(nameof(EligibilityFailure.Rule))]?.GetValue<string>() == Application.OfficerFinding)
                {
                    reason[Name(nameof(EligibilityFailure.Detail))] = "";
                }
            }
        }

        return shown;
    }

    private static string[] ErasedWithThePerson(object data) => data switch
    {
        ApplicationSubmitted => [nameof(ApplicationSubmitted.Sex), nameof(ApplicationSubmitted.Nib), nameof(ApplicationSubmitted.BusinessDescription)],
        DocumentsChecked => [nameof(DocumentsChecked.Missing), nameof(DocumentsChecked.Notes)],
        FieldVerified => [nameof(FieldVerified.Findings), nameof(FieldVerified.PhotoReferences)],
        ApplicationFoundEligible => [nameof(ApplicationFoundEligible.Notes)],
        ApplicationFoundNotEligible => [nameof(ApplicationFoundNotEligible.Notes)],
        MonitoringVisitRecorded => [nameof(MonitoringVisitRecorded.Production), nameof(MonitoringVisitRecorded.Notes), nameof(MonitoringVisitRecorded.PhotoReferences)],
        ApplicationClosed => [nameof(ApplicationClosed.Notes)],
        ApplicationCancelled => [nameof(ApplicationCancelled.Reason)],
        _ => [],
    };
}

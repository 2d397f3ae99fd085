using Koperasi.Funding.Applicants;
using Koperasi.Funding.Applications;
using Koperasi.Funding.Programmes;
using Koperasi.ServiceDefaults.Regions;
using Koperasi.ServiceDefaults.Decisions;

namespace Koperasi.Funding.Demo;

/// <summary>
/// One demo application taken through the application's own decisions, each on the day it
/// happened: the events it decides accumulate here, folded into the state the next decision sees,
/// and are stored together when its decree batch is committed.
/// </summary>
public sealed class DemoHistory
{
    private readonly List<object> _events = [];

    private DemoHistory(SubmitApplicationCommand command, ApplicantRecord record, DemoSteps steps)
    {
        Command = command;
        Record = record;
        Steps = steps;
    }

    public SubmitApplicationCommand Command { get; }

    public ApplicantRecord Record { get; }

    public DemoSteps Steps { get; }

    public Application? State { get; private set; }

    public IReadOnlyList<object> Events => _events;

    /// <summary>
    /// Submitted, documents checked, verified in the field and found eligible, or the rule that
    /// refused it. The NIKs of the set are generated unique and the store held no programme before
    /// the load, so no earlier application or grant of the same person exists.
    /// </summary>
    public static (DemoHistory? History, DomainError? Refusal) UpToEligibility(DemoApplication demo, Programme programme)
    {
        var request = demo.Request with { ProgrammeId = programme.Id };
        var validation = SubmitApplication.Validate(request, out var nik);
        if (!validation.IsValid || !Regencies.TryNormalize(request.Address.RegencyCode, out var regency))
        {
            return (null, DomainError.Unprocessable("invalid-request", string.Join(" ", validation.Errors.SelectMany(e => e.Value))));
        }

        var command = SubmitApplication.ToCommand(request, Guid.CreateVersion7(), Guid.CreateVersion7(), nik!, regency);
        var history = new DemoHistory(command, SubmitApplication.RecordOf(request), demo.Steps);
        var steps = demo.Steps;
        var refusal = history.Take(Application.Submit(command, programme, alreadyApplied: false, [], steps.SubmittedOn))
            ?? history.Take(history.State!.CheckDocuments(true, [], null, steps.DocumentsCheckedOn))
            ?? history.Take(history.State!.VerifyInField(steps.Field, steps.Pendamping, steps.Field.VisitedOn))
            ?? history.Take(history.State!.DecideEligibility(true, [], null, programme, [], steps.FoundEligibleOn));
        return refusal is null ? (history, null) : (null, refusal);
    }

    /// <summary>
    /// The decree, then for past years the disbursement (paid before this system existed: the
    /// transfer is recorded under a reference that says so), the monitoring visit and the closure.
    /// </summary>
    public void Decreed(object decree)
    {
        Require(Take(Decision.Accept(decree)));
        var steps = Steps;
        if (steps is { DisbursementRequestedOn: { } requestedOn, DisbursedOn: { } disbursedOn })
        {
            var disbursementId = Guid.CreateVersion7();
            Require(Take(State!.RequestDisbursement(disbursementId, requestedOn)));
            Require(Take(State!.RecordDisbursement(disbursementId, $"HISTORIS-{disbursementId:N}", disbursedOn)));
        }

        if (steps.Visit is { } visit)
        {
            Require(Take(State!.RecordVisit(visit, steps.Pendamping, visit.VisitedOn)));
        }

        if (steps.ClosedOn is { } closedOn)
        {
            Require(Take(State!.Close("Pendampingan selesai.", closedOn)));
        }
    }

    private DomainError? Take(Decision decision)
    {
        if (decision.Error is { } error)
        {
            return error;
        }

        foreach (var e in decision.Events)
        {
            State = Application.Fold(State, e);
            _events.Add(e);
        }

        return null;
    }

    private void Require(DomainError? error)
    {
        if (error is not null)
        {
            throw new InvalidOperationException($"Demo application {Command.ApplicationId} was refused after its decree: [{error.Rule}] {error.Detail}");
        }
    }
}

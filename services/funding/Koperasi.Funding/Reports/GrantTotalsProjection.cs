using JasperFx.Events;
using JasperFx.Events.Projections;
using Koperasi.Funding.Applications;
using Marten;
using Marten.Events.Projections;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Koperasi.Funding.Reports;

/// <summary>
/// Runs in the async daemon: adds what each event changes to one row per year, regency, kecamatan
/// and category (recipients and amount decreed, grants disbursed, grants monitored at least once),
/// so a report is a sum over a small table, never a pass over the streams. The rows hold no
/// person: erasing an applicant leaves every total as it was.
/// </summary>
public sealed class GrantTotalsProjection : IProjection
{
    public const string ProjectionName = "FundingGrantTotals";
    public const string TableName = "funding_grant_totals";

    private readonly string _table;

    private GrantTotalsProjection(string schema) => _table = $"{schema}.{TableName}";

    public static void Register(StoreOptions options)
    {
        var table = new Table(new PostgresqlObjectName(options.DatabaseSchemaName, TableName, Weasel.Postgresql.SchemaUtils.IdentifierUsage.General));
        table.AddColumn("year", "integer").AsPrimaryKey();
        table.AddColumn("regency_code", "text").AsPrimaryKey();
        table.AddColumn("kecamatan", "text").AsPrimaryKey();
        table.AddColumn("category", "text").AsPrimaryKey();
        table.AddColumn("recipients", "integer").NotNull().DefaultValue(0);
        table.AddColumn("amount", "numeric").NotNull().DefaultValue(0);
        table.AddColumn("disbursed", "integer").NotNull().DefaultValue(0);
        table.AddColumn("disbursed_amount", "numeric").NotNull().DefaultValue(0);
        table.AddColumn("monitored", "integer").NotNull().DefaultValue(0);
        options.Storage.ExtendedSchemaObjects.Add(table);

        options.Projections.Add(new GrantTotalsProjection(options.DatabaseSchemaName), ProjectionLifecycle.Async, ProjectionName, async =>
        {
            async.BatchSize = 1000;
            async.DeleteDataInTableOnTeardown(table.Identifier.QualifiedName);
        });
    }

    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        // A decree and a disbursement name only their application: the rest of the key is what the
        // application was submitted with, which no later event changes.
        var named = events.Select(e => e.Data switch
        {
            GrantAwarded g => g.ApplicationId,
            DisbursementCompleted d => d.ApplicationId,
            _ => (Guid?)null,
        }).OfType<Guid>().Distinct().ToList();
        var applications = new Dictionary<Guid, Application>();
        if (named.Count > 0)
        {
            foreach (var application in await operations.LoadManyAsync<Application>(cancellation, named))
            {
                applications[application.Id] = application;
            }
        }

        var changes = new Dictionary<(int, string, string, string), Change>();
        foreach (var e in events)
        {
            if (ChangeOf(e.Data, applications) is not ({ } key, { } change))
            {
                continue;
            }

            changes[key] = changes.TryGetValue(key, out var sum) ? sum + change : change;
        }

        foreach (var ((year, regency, kecamatan, category), c) in changes)
        {
            operations.QueueSqlCommand(
                $"insert into {_table} (year, regency_code, kecamatan, category, recipients, amount, disbursed, disbursed_amount, monitored) values (?, ?, ?, ?, ?, ?, ?, ?, ?) " +
                $"on conflict (year, regency_code, kecamatan, category) do update set recipients = {TableName}.recipients + excluded.recipients, " +
                $"amount = {TableName}.amount + excluded.amount, disbursed = {TableName}.disbursed + excluded.disbursed, " +
                $"disbursed_amount = {TableName}.disbursed_amount + excluded.disbursed_amount, monitored = {TableName}.monitored + excluded.monitored",
                year, regency, kecamatan, category, c.Recipients, c.Amount, c.Disbursed, c.DisbursedAmount, c.Monitored);
        }
    }

    private static ((int, string, string, string)? Key, Change? Change) ChangeOf(object data, IReadOnlyDictionary<Guid, Application> applications) => data switch
    {
        GrantAwarded e => (KeyOf(applications, e.ApplicationId), new Change(1, e.Amount, 0, 0, 0)),
        ApplicationCancelled { Withdrawn: { } withdrawn } => ((withdrawn.ProgrammeYear, withdrawn.RegencyCode, withdrawn.Kecamatan, withdrawn.Category), new Change(-1, -withdrawn.Amount, 0, 0, 0)),
        DisbursementCompleted e => (KeyOf(applications, e.ApplicationId), new Change(0, 0, 1, e.Amount, 0)),
        MonitoringVisitRecorded { Number: 1 } e => ((e.ProgrammeYear, e.RegencyCode, e.Kecamatan, e.Category), new Change(0, 0, 0, 0, 1)),
        _ => (null, null),
    };

    private static (int, string, string, string) KeyOf(IReadOnlyDictionary<Guid, Application> applications, Guid applicationId) =>
        applications.TryGetValue(applicationId, out var a)
            ? (a.ProgrammeYear, a.RegencyCode, a.Kecamatan, a.Category)
            : throw new InvalidOperationException($"Application {applicationId} has no document.");

    private sealed record Change(int Recipients, decimal Amount, int Disbursed, decimal DisbursedAmount, int Monitored)
    {
        public static Change operator +(Change a, Change b) =>
            new(a.Recipients + b.Recipients, a.Amount + b.Amount, a.Disbursed + b.Disbursed, a.DisbursedAmount + b.DisbursedAmount, a.Monitored + b.Monitored);
    }
}

using Koperasi.Registry.Cooperatives;
using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Identity;
using Koperasi.ServiceDefaults.Time;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace Koperasi.Registry.Statistics;

/// <summary>
/// A statistics table the Dinas published, frozen: its query, the business date, the moment it was
/// known as of, who published it and when, and the rows as they were. Written once, never changed
/// (a document, not a stream: nothing happens to it after), read back exactly for ever.
/// </summary>
public sealed record PublishedFigure(
    Guid Id,
    string Title,
    IReadOnlyList<string> GroupBy,
    DateOnly AsOf,
    DateTimeOffset KnownOn,
    string PublishedBy,
    DateTimeOffset PublishedAt,
    long Total,
    long Aktif,
    long TidakAktif,
    long Members,
    IReadOnlyList<GetStatistics.Row> Rows);

/// <summary>Publishing a figure, reading it back, and comparing it with today's view of the same date (ADR 0016).</summary>
public static class PublishedFigures
{
    public const string Tag = "Published figures";

    public sealed record Request(string? Title = null, string[]? GroupBy = null, DateOnly? AsOf = null, string? KnownOn = null);

    /// <summary>A published figure in the list, without its rows.</summary>
    public sealed record Summary(Guid Id, string Title, IReadOnlyList<string> GroupBy, DateOnly AsOf, DateTimeOffset KnownOn, string PublishedBy, DateTimeOffset PublishedAt, long Total, long Members);

    public sealed record ListResponse(IReadOnlyList<Summary> Items);

    /// <summary>A fact recorded after the figure's knownOn, about a day up to its asOf, that moved a koperasi in or out of a cell.</summary>
    public sealed record LateFact(Guid CooperativeId, string? CooperativeName, string EventType, DateOnly BusinessDate, DateTimeOffset Recorded, int CountChange, long MembersChange);

    /// <summary>A cell whose count or members differ: the frozen and current values and the late facts that changed it.</summary>
    public sealed record ChangedCell(GetStatistics.Row Cell, long FrozenCount, long CurrentCount, long FrozenMembers, long CurrentMembers, IReadOnlyList<LateFact> LateFacts);

    public sealed record Comparison(Guid Id, string Title, DateOnly AsOf, DateTimeOffset KnownOn, DateTimeOffset ComparedAt, long FrozenTotal, long CurrentTotal, IReadOnlyList<ChangedCell> ChangedCells);

    public static void Map(RouteGroupBuilder registry)
    {
        var figures = registry.MapGroup("/published-figures").WithTags(Tag);
        figures.MapPost("", Publish)
            .WithName("PublishFigure")
            .RequireAuthorization(RegistryPolicies.Publish)
            .WithSummary("Publish a figure")
            .WithDescription(
                "Freezes the statistics table of asOf (required) grouped by groupBy (as GET /statistics: default regency and activity), as the register knew it at knownOn "
                + "(an ISO 8601 date-time with offset, or a date: the end of that day in Jambi; default now), with its title, who published it and when. "
                + "The rows are stored: reading the figure back gives them exactly, whatever the register learns later. 201 with Location.")
            .Accepts<Request>("application/json")
            .Produces<PublishedFigure>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        figures.MapGet("", List)
            .WithName("ListPublishedFigures")
            .RequireAuthorization(RegistryPolicies.Read)
            .WithSummary("The published figures")
            .WithDescription("Every published figure, newest first, without its rows.")
            .Produces<ListResponse>();
        figures.MapGet("/{id:guid}", Get)
            .WithName("GetPublishedFigure")
            .RequireAuthorization(RegistryPolicies.Read)
            .WithSummary("Read a published figure")
            .WithDescription("The figure exactly as it was published: its query, asOf, knownOn, who, when, and its rows.")
            .Produces<PublishedFigure>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        figures.MapGet("/{id:guid}/comparison", Compare)
            .WithName("ComparePublishedFigure")
            .RequireAuthorization(RegistryPolicies.Read)
            .WithSummary("Compare a published figure with today's view")
            .WithDescription(
                "Today's view of the figure's asOf (as known now) against the frozen table: every cell whose count or members differ, with the frozen and current values, "
                + "and the facts recorded after the figure's knownOn that changed it: the koperasi (id and name), the event type, its business date and when it was recorded.")
            .Produces<Comparison>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Created<PublishedFigure>, ValidationProblem, ProblemHttpResult>> Publish(
        Request request, IDocumentSession session, IDocumentStore store, TimeProvider clock, ICurrentActor actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var v = new RequestValidation();
        v.FreeText(request.Title, "title", 300);
        if (request.AsOf is not { } asOf)
        {
            v.Add("asOf", "A published figure is of a date: give asOf (yyyy-MM-dd).");
        }
        else
        {
            v.Date(asOf, "asOf", DateOnly.MinValue, latest: clock.Today());
        }

        var given = StatisticsCells.ParseKnownOn(request.KnownOn, now, v);
        var dimensions = StatisticsCells.ParseGroupBy(request.GroupBy, v);
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        if (await CaughtUpAsync(store, TimeSpan.FromSeconds(10), cancellationToken) is not { } databaseNow)
        {
            return TypedResults.Problem(
                "The statistics have not caught up with the latest events yet; publish again in a moment.",
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Statistics catching up",
                type: Problems.TypePrefix + "statistics-catching-up");
        }

        var knownOn = given ?? databaseNow;
        var day = request.AsOf!.Value;
        var cells = StatisticsCells.Counted(await StatisticsCells.OnAsync(store, day, knownOn, cancellationToken), dimensions).ToList();
        var figure = new PublishedFigure(
            Guid.CreateVersion7(),
            FieldRules.Tidy(request.Title!),
            dimensions,
            day,
            knownOn.ToOffset(ProvinceCalendar.Wib),
            actor.Name,
            now.ToOffset(ProvinceCalendar.Wib),
            cells.Sum(c => c.Count),
            cells.Where(c => c.Activity == "aktif").Sum(c => c.Count),
            cells.Where(c => c.Activity == "tidak-aktif").Sum(c => c.Count),
            cells.Sum(c => c.Members),
            StatisticsCells.Rows(cells, dimensions));
        session.Insert(figure);
        await session.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/registry/published-figures/{figure.Id}", figure);
    }

    private static async Task<Ok<ListResponse>> List(IQuerySession session, CancellationToken cancellationToken)
    {
        var figures = await session.Query<PublishedFigure>().OrderByDescending(f => f.PublishedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(new ListResponse([.. figures.Select(f => new Summary(f.Id, f.Title, f.GroupBy, f.AsOf, f.KnownOn, f.PublishedBy, f.PublishedAt, f.Total, f.Members))]));
    }

    private static async Task<Results<Ok<PublishedFigure>, ProblemHttpResult>> Get(Guid id, IQuerySession session, CancellationToken cancellationToken) =>
        await session.LoadAsync<PublishedFigure>(id, cancellationToken) is { } figure ? TypedResults.Ok(figure) : Problems.NotFound("published figure", id);

    private static async Task<Results<Ok<Comparison>, ProblemHttpResult>> Compare(
        Guid id, IQuerySession session, IDocumentStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<PublishedFigure>(id, cancellationToken) is not { } figure)
        {
            return Problems.NotFound("published figure", id);
        }

        var dimensions = figure.GroupBy.ToList();
        var current = StatisticsCells.Rows(await StatisticsCells.OnAsync(store, figure.AsOf, null, cancellationToken), dimensions);
        var late = (await StatisticsCells.RecordedAfterAsync(store, figure.AsOf, figure.KnownOn, cancellationToken))
            .Where(c => dimensions.Contains("legalStatus") || c.Cell.LegalStatus != StatisticsCount.Dissolved)
            .ToList();
        var ids = late.Select(c => c.CooperativeId).Distinct().ToArray();
        var names = ids.Length == 0
            ? []
            : (await session.LoadManyAsync<Cooperative>(cancellationToken, ids)).ToDictionary(c => c.Id, c => c.Name);

        static GetStatistics.Row Key(GetStatistics.Row row) => row with { Count = 0, Members = 0 };
        var frozen = figure.Rows.ToDictionary(Key);
        var now = current.ToDictionary(Key);
        var changed = frozen.Keys.Union(now.Keys)
            .Select(key => (Key: key, Frozen: frozen.GetValueOrDefault(key), Current: now.GetValueOrDefault(key)))
            .Where(c => (c.Frozen?.Count ?? 0) != (c.Current?.Count ?? 0) || (c.Frozen?.Members ?? 0) != (c.Current?.Members ?? 0))
            .Select(c => new ChangedCell(
                c.Key,
                c.Frozen?.Count ?? 0,
                c.Current?.Count ?? 0,
                c.Frozen?.Members ?? 0,
                c.Current?.Members ?? 0,
                [
                    .. late.Where(f => StatisticsCells.RowOf(f.Cell, dimensions) == c.Key)
                        .GroupBy(f => (f.CooperativeId, f.EventType, f.Day, f.Recorded))
                        .Select(g => new LateFact(g.Key.CooperativeId, names.GetValueOrDefault(g.Key.CooperativeId), g.Key.EventType, g.Key.Day, g.Key.Recorded, (int)g.Sum(f => f.Cell.Count), g.Sum(f => f.Cell.Members)))
                        .Where(f => f.CountChange != 0 || f.MembersChange != 0),
                ]))
            .ToList();
        return TypedResults.Ok(new Comparison(
            figure.Id, figure.Title, figure.AsOf, figure.KnownOn, clock.GetUtcNow().ToOffset(ProvinceCalendar.Wib), figure.Total, current.Sum(r => r.Count), changed));
    }

    /// <summary>
    /// Waits (at most <paramref name="timeout"/>) until the statistics projection has processed every
    /// event appended before now, so a figure known as of now misses nothing already recorded. Gives
    /// the database's now (the clock that stamps the events' recorded time), or null on timeout.
    /// </summary>
    private static async Task<DateTimeOffset?> CaughtUpAsync(IDocumentStore store, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var schema = store.Options.Events.DatabaseSchemaName;
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        long latest;
        DateTimeOffset now;
        await using (var last = new NpgsqlCommand($"select now(), coalesce(max(seq_id), 0) from {schema}.mt_events", connection))
        await using (var reader = await last.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            (now, latest) = (reader.GetFieldValue<DateTimeOffset>(0), reader.GetInt64(1));
        }

        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            await using var progress = new NpgsqlCommand(
                $"select coalesce(max(last_seq_id), 0) from {schema}.mt_event_progression where name like '{StatisticsProjection.ProjectionName}%'", connection);
            if ((long)(await progress.ExecuteScalarAsync(cancellationToken))! >= latest)
            {
                return now;
            }

            if (DateTime.UtcNow > until)
            {
                return null;
            }

            await Task.Delay(100, cancellationToken);
        }
    }
}

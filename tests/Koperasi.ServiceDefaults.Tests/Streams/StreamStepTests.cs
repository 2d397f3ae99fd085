using System.Security.Claims;
using JasperFx;
using JasperFx.Events;
using Koperasi.ServiceDefaults.Decisions;
using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Persistence;
using Koperasi.ServiceDefaults.Streams;
using Koperasi.Testing;
using Marten;
using Marten.Events.Aggregation;
using Marten.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace Koperasi.ServiceDefaults.Tests.Streams;

public sealed record TallyOpened(string RegencyCode);

public sealed record TallyAdded(int Amount);

/// <summary>A small aggregate with the shape of the services' own: a fold, a version, pure decisions.</summary>
public sealed record Tally
{
    public const int Capacity = 100;

    public Guid Id { get; init; }

    public long Version { get; set; }

    public required string RegencyCode { get; init; }

    public int Total { get; init; }

    public static Tally? Fold(Tally? state, object @event) => (state, @event) switch
    {
        (null, TallyOpened opened) => new Tally { RegencyCode = opened.RegencyCode },
        ({ } current, TallyAdded added) => current with { Total = current.Total + added.Amount },
        _ => state,
    };

    public Decision Add(int amount) =>
        amount <= 0 ? DomainError.Unprocessable("amount-not-positive", "Add more than 0.", "amount")
        : Total + amount > Capacity ? DomainError.Conflict("tally-full", $"The tally holds {Total} of {Capacity}.")
        : Decision.Accept(new TallyAdded(amount));
}

public sealed partial class TallyProjection : SingleStreamProjection<Tally, Guid>
{
    public override Tally? Evolve(Tally? snapshot, Guid id, IEvent e) => Tally.Fold(snapshot, e.Data);
}

public sealed record TallyNote(string Id);

/// <summary>Counts the database round trips a session makes.</summary>
internal sealed class RoundTrips : IMartenSessionLogger
{
    public int Count { get; private set; }

    public void LogSuccess(NpgsqlCommand command) => Count++;

    public void LogFailure(NpgsqlCommand command, Exception ex) => Count++;

    public void LogSuccess(NpgsqlBatch batch) => Count++;

    public void LogFailure(NpgsqlBatch batch, Exception ex) => Count++;

    public void LogFailure(Exception ex, string message)
    {
    }

    public void RecordSavedChanges(IDocumentSession session, IChangeSet commit)
    {
    }

    public void OnBeforeExecute(NpgsqlCommand command)
    {
    }

    public void OnBeforeExecute(NpgsqlBatch batch)
    {
    }
}

/// <summary>
/// The step on an existing stream every HTTP write uses, against the real PostgreSQL: each answer
/// of the If-Match rule, 404, 403, a refused decision, a writer that commits in between, and a
/// success that reads the stream once and answers its new version as the ETag.
/// </summary>
public sealed class StreamStepTests : IAsyncLifetime
{
    private const string Regency = "1503";

    private static readonly StreamStep<Tally> Step = new(
        "tally",
        Tally.Fold,
        (tally, version) => tally with { Version = version },
        (user, tally) => user.HasClaim("regency", tally.RegencyCode)
            ? null
            : TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, type: Problems.TypePrefix + "outside-your-regency"));

    private readonly string _schema = $"{TestInfrastructure.RunId}_stream_step";
    private DocumentStore _store = null!;

    public async ValueTask InitializeAsync()
    {
        _store = DocumentStore.For(options => MartenDefaults.ConfigureStore(options, TestInfrastructure.TestDatabase("registry"), _schema, o =>
        {
            o.AutoCreateSchemaObjects = AutoCreate.All;
            o.Events.MapEventType<TallyOpened>("tally-opened");
            o.Events.MapEventType<TallyAdded>("tally-added");
            o.Projections.Add(new TallyProjection(), JasperFx.Events.Projections.ProjectionLifecycle.Inline);
        }));
        await _store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _store.Dispose();
        await using var connection = new NpgsqlConnection(TestInfrastructure.TestDatabase("registry"));
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop schema if exists \"{_schema}\" cascade", connection);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>A tally at version 2 (opened, 10 added).</summary>
    private async Task<Guid> OpenAsync()
    {
        var id = Guid.CreateVersion7();
        await using var session = _store.LightweightSession();
        session.Events.StartStream<Tally>(id, new TallyOpened(Regency), new TallyAdded(10));
        await session.SaveChangesAsync();
        return id;
    }

    private static DefaultHttpContext Request(string? ifMatch, string regency = Regency)
    {
        var http = new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity([new Claim("regency", regency)], "test")) };
        if (ifMatch is not null)
        {
            http.Request.Headers.IfMatch = ifMatch;
        }

        return http;
    }

    private async Task<IReadOnlyList<IEvent>> EventsAsync(Guid id)
    {
        await using var query = _store.QuerySession();
        return await query.Events.FetchStreamAsync(id);
    }

    private sealed class Decisions
    {
        public int Made { get; private set; }

        public Func<Tally, Decision> Add(int amount) => tally =>
        {
            Made++;
            return tally.Add(amount);
        };
    }

    private static Ok<Tally> Answer(StepOutcome<Tally> outcome) => TypedResults.Ok(outcome.After);

    private static ProblemHttpResult Problem(IResult result) => result.ShouldBeOfType<ProblemHttpResult>();

    [Fact]
    public async Task Without_If_Match_the_step_answers_428_and_decides_nothing()
    {
        var id = await OpenAsync();
        var decisions = new Decisions();
        await using var session = _store.LightweightSession();

        var result = await Step.RunAsync(id, Request(ifMatch: null), session, decisions.Add(5), Answer);

        var problem = Problem(result.Result);
        problem.StatusCode.ShouldBe(StatusCodes.Status428PreconditionRequired);
        problem.ProblemDetails.Type.ShouldBe(Problems.TypePrefix + "if-match-required");
        decisions.Made.ShouldBe(0);
        (await EventsAsync(id)).Count.ShouldBe(2);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("\"0\"")]
    [InlineData("\"-3\"")]
    [InlineData("*")]
    public async Task A_malformed_If_Match_answers_400_naming_the_header(string ifMatch)
    {
        var id = await OpenAsync();
        var decisions = new Decisions();
        await using var session = _store.LightweightSession();

        var result = await Step.RunAsync(id, Request(ifMatch), session, decisions.Add(5), Answer);

        var problem = result.Result.ShouldBeOfType<ValidationProblem>();
        problem.ProblemDetails.Errors.ShouldHaveSingleItem().Key.ShouldBe("If-Match");
        decisions.Made.ShouldBe(0);
        (await EventsAsync(id)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_stale_If_Match_answers_409_and_decides_nothing()
    {
        var id = await OpenAsync();
        var decisions = new Decisions();
        await using var session = _store.LightweightSession();

        var result = await Step.RunAsync(id, Request("\"1\""), session, decisions.Add(5), Answer);

        var problem = Problem(result.Result);
        problem.StatusCode.ShouldBe(StatusCodes.Status409Conflict);
        problem.ProblemDetails.Type.ShouldBe(Problems.TypePrefix + "concurrency-conflict");
        decisions.Made.ShouldBe(0);
        (await EventsAsync(id)).Count.ShouldBe(2);
    }

    [Theory]
    [InlineData("\"2\"")]
    [InlineData(null)]
    public async Task An_invalid_request_answers_400_naming_the_field_before_If_Match_is_looked_at_and_before_anything_is_read(string? ifMatch)
    {
        var id = await OpenAsync();
        var decisions = new Decisions();
        var validation = new RequestValidation();
        validation.Check(false, "amount", "Not a number of things.");
        var trips = new RoundTrips();
        await using var session = _store.LightweightSession();
        session.Logger = trips;

        var result = await Step.RunAsync(id, Request(ifMatch), session, decisions.Add(5), Answer, validation);

        var problem = Problem(result.Result);
        problem.StatusCode.ShouldBe(StatusCodes.Status400BadRequest);
        problem.ProblemDetails.ShouldBeOfType<HttpValidationProblemDetails>().Errors.Keys.ShouldContain("amount");
        trips.Count.ShouldBe(0);
        decisions.Made.ShouldBe(0);
    }

    [Fact]
    public async Task A_stream_that_does_not_exist_answers_404()
    {
        var decisions = new Decisions();
        await using var session = _store.LightweightSession();

        var result = await Step.RunAsync(Guid.CreateVersion7(), Request("\"2\""), session, decisions.Add(5), Answer);

        var problem = Problem(result.Result);
        problem.StatusCode.ShouldBe(StatusCodes.Status404NotFound);
        problem.ProblemDetails.Detail!.ShouldStartWith("No tally with id");
        decisions.Made.ShouldBe(0);
    }

    [Fact]
    public async Task A_caller_the_aggregate_refuses_gets_403_and_nothing_is_decided()
    {
        var id = await OpenAsync();
        var decisions = new Decisions();
        await using var session = _store.LightweightSession();

        var result = await Step.RunAsync(id, Request("\"2\"", regency: "1571"), session, decisions.Add(5), Answer);

        Problem(result.Result).StatusCode.ShouldBe(StatusCodes.Status403Forbidden);
        decisions.Made.ShouldBe(0);
        (await EventsAsync(id)).Count.ShouldBe(2);
    }

    [Theory]
    [InlineData(0, StatusCodes.Status422UnprocessableEntity, "amount-not-positive")]
    [InlineData(91, StatusCodes.Status409Conflict, "tally-full")]
    public async Task A_refused_decision_answers_its_rule_and_leaves_the_stream_unchanged(int amount, int status, string rule)
    {
        var id = await OpenAsync();
        await using var session = _store.LightweightSession();

        var result = await Step.RunAsync(id, Request("\"2\""), session, new Decisions().Add(amount), Answer);

        var problem = Problem(result.Result);
        problem.StatusCode.ShouldBe(status);
        problem.ProblemDetails.Type.ShouldBe(Problems.TypePrefix + rule);
        (await EventsAsync(id)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_refusal_can_be_answered_with_the_endpoints_own_problem()
    {
        var id = await OpenAsync();
        await using var session = _store.LightweightSession();

        var result = await Step.RunAsync(
            id, Request("\"2\""), session,
            tally => Task.FromResult(tally.Add(500)),
            outcome => Task.FromResult(Answer(outcome)),
            refuse: error => TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, type: "urn:test:" + error.Rule));

        var problem = Problem(result.Result);
        problem.StatusCode.ShouldBe(StatusCodes.Status422UnprocessableEntity);
        problem.ProblemDetails.Type.ShouldBe("urn:test:tally-full");
        (await EventsAsync(id)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_step_reads_the_stream_once_commits_once_and_answers_the_new_version_as_ETag()
    {
        var id = await OpenAsync();
        var trips = new RoundTrips();
        var tripsAtDecision = -1;
        var tripsAtAnswer = -1;
        var http = Request("\"2\"");
        await using var session = _store.LightweightSession();
        session.Logger = trips;

        var result = await Step.RunAsync(
            id, http, session,
            tally =>
            {
                tripsAtDecision = trips.Count;
                return Task.FromResult(tally.Add(5));
            },
            outcome =>
            {
                tripsAtAnswer = trips.Count;
                return Task.FromResult(Answer(outcome));
            });

        var after = result.Result.ShouldBeOfType<Ok<Tally>>().Value!;
        after.Total.ShouldBe(15);
        after.Version.ShouldBe(3);
        http.Response.Headers.ETag.ToString().ShouldBe("\"3\"");
        tripsAtDecision.ShouldBe(1, "one read before the decision: the stream fetched for writing, no second load of the same row");
        tripsAtAnswer.ShouldBe(2, "one commit, and no reload after it");
        trips.Count.ShouldBe(2);

        await using var query = _store.QuerySession();
        (await query.Events.FetchStreamStateAsync(id))!.Version.ShouldBe(3);
        var stored = await query.LoadAsync<Tally>(id);
        stored!.Total.ShouldBe(after.Total);
        stored.Version.ShouldBe(after.Version);
    }

    [Fact]
    public async Task A_decision_that_changes_nothing_keeps_the_version()
    {
        var id = await OpenAsync();
        var http = Request("W/\"2\"");
        await using var session = _store.LightweightSession();

        var result = await Step.RunAsync(id, http, session, _ => Decision.Accept(), Answer);

        result.Result.ShouldBeOfType<Ok<Tally>>().Value!.Version.ShouldBe(2);
        http.Response.Headers.ETag.ToString().ShouldBe("\"2\"");
        (await EventsAsync(id)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_writer_that_commits_between_the_read_and_the_commit_wins_and_the_step_answers_409()
    {
        var id = await OpenAsync();
        await using var session = _store.LightweightSession();

        var result = await Step.RunAsync(
            id, Request("\"2\""), session,
            async tally =>
            {
                await using var other = _store.LightweightSession();
                other.Events.Append(id, new TallyAdded(1));
                await other.SaveChangesAsync();
                return tally.Add(5);
            },
            outcome => Task.FromResult(Answer(outcome)));

        var problem = Problem(result.Result);
        problem.StatusCode.ShouldBe(StatusCodes.Status409Conflict);
        problem.ProblemDetails.Type.ShouldBe(Problems.TypePrefix + "concurrency-conflict");
        var events = await EventsAsync(id);
        events.Count.ShouldBe(3);
        events[^1].Data.ShouldBe(new TallyAdded(1));
    }

    /// <summary>The same step serialized on the stream (ADR 0029): every version from 2 on only added to the tally.</summary>
    private static readonly StreamStep<Tally> Serialized = new(
        "tally",
        Tally.Fold,
        (tally, version) => tally with { Version = version },
        unchangedSince: _ => 2);

    [Fact]
    public async Task A_serialized_step_waits_for_the_one_holding_the_stream_and_decides_on_what_it_left()
    {
        var id = await OpenAsync();
        Task<Results<Ok<Tally>, ValidationProblem, ProblemHttpResult>>? second = null;
        var secondHttp = Request("\"2\"");
        await using var session = _store.LightweightSession();

        // The second step starts while the first holds the stream, with the same If-Match: it waits,
        // then reads the stream at version 3 and adds to the first's total. Unserialized, it would answer 409.
        var first = await Serialized.RunAsync(
            id, Request("\"2\""), session,
            tally =>
            {
                second = Task.Run(async () =>
                {
                    await using var other = _store.LightweightSession();
                    return await Serialized.RunAsync(id, secondHttp, other, t => Task.FromResult(t.Add(5)), outcome => Task.FromResult(Answer(outcome)));
                });
                return Task.FromResult(tally.Add(7));
            },
            outcome => Task.FromResult(Answer(outcome)));

        first.Result.ShouldBeOfType<Ok<Tally>>().Value!.Total.ShouldBe(17);
        var after = (await second!).Result.ShouldBeOfType<Ok<Tally>>().Value!;
        (after.Total, after.Version).ShouldBe((22, 4L));
        secondHttp.Response.Headers.ETag.ToString().ShouldBe("\"4\"");
        (await EventsAsync(id)).Select(e => e.Data).Skip(2).ShouldBe([new TallyAdded(7), new TallyAdded(5)]);
    }

    [Theory]
    [InlineData("\"1\"")]
    [InlineData("\"9\"")]
    public async Task A_serialized_step_still_answers_409_to_an_If_Match_from_before_its_unchanged_version_or_never_issued(string ifMatch)
    {
        var id = await OpenAsync();
        await using (var more = _store.LightweightSession())
        {
            more.Events.Append(id, new TallyAdded(1));
            await more.SaveChangesAsync();
        }

        var decisions = new Decisions();
        await using var session = _store.LightweightSession();

        var result = await Serialized.RunAsync(id, Request(ifMatch), session, decisions.Add(5), Answer);

        Problem(result.Result).ProblemDetails.Type.ShouldBe(Problems.TypePrefix + "concurrency-conflict");
        decisions.Made.ShouldBe(0);
        (await EventsAsync(id)).Count.ShouldBe(3);
    }

    [Fact]
    public async Task A_commit_failure_the_endpoint_knows_is_its_problem_and_nothing_is_stored()
    {
        var id = await OpenAsync();
        await using (var first = _store.LightweightSession())
        {
            first.Insert(new TallyNote("claimed"));
            await first.SaveChangesAsync();
        }

        await using var session = _store.LightweightSession();
        var result = await Step.RunAsync(
            id, Request("\"2\""), session,
            tally =>
            {
                session.Insert(new TallyNote("claimed"));
                return Task.FromResult(tally.Add(5));
            },
            outcome => Task.FromResult(Answer(outcome)),
            commitFailed: failure => failure is DocumentAlreadyExistsException
                ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, type: "urn:test:claimed")
                : null);

        Problem(result.Result).ProblemDetails.Type.ShouldBe("urn:test:claimed");
        (await EventsAsync(id)).Count.ShouldBe(2);
    }
}

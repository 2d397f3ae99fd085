using System.Diagnostics;
using Koperasi.Testing;
using Npgsql;
using RabbitMQ.Client;

namespace Koperasi.Benchmarks.Engines;

/// <summary>
/// The anchors: what PostgreSQL and RabbitMQ do on this machine, in this run, without the platform
/// in front of them. A figure of the platform is read as a share of its anchor, which the machine's
/// size and load change together.
/// </summary>
public static class RawEngines
{
    /// <summary>
    /// P1's anchor: transactions of the shape of Marten's append of one event, from
    /// <paramref name="clients"/> connections at once for <paramref name="duration"/>: an insert
    /// into an events-like table (sequence, ids, version, type, JSON body, timestamp) and the
    /// stream's version update, in one transaction. Returns committed transactions per second.
    /// </summary>
    public static async Task<double> AppendsPerSecondAsync(string connectionString, string schema, int clients, TimeSpan duration, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connectionString, $"""
            drop schema if exists {schema} cascade;
            create schema {schema};
            create table {schema}.streams (id uuid primary key, version bigint not null, timestamp timestamptz not null default now());
            create table {schema}.events (seq_id bigserial primary key, id uuid not null unique, stream_id uuid not null, version bigint not null,
                type varchar not null, data jsonb not null, timestamp timestamptz not null default now(), unique (stream_id, version));
            """);
        try
        {
            var body = """{"name":"Koperasi Konsumen Makmur Sejahtera","regencyCode":"1571","form":"primer","type":"konsumen","memberCount":45,"decree":{"number":"518/BH/XIV.10/2021","date":"2021-02-01"}}""";
            var committed = 0L;
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(cancellationToken);
                var stream = Guid.NewGuid();
                await using (var create = new NpgsqlCommand($"insert into {schema}.streams (id, version) values ($1, 0)", connection))
                {
                    create.Parameters.AddWithValue(stream);
                    await create.ExecuteNonQueryAsync(cancellationToken);
                }

                var version = 0L;
                while (watch.Elapsed < duration)
                {
                    version++;
                    await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                    await using var batch = new NpgsqlBatch(connection, transaction)
                    {
                        BatchCommands =
                        {
                            new NpgsqlBatchCommand($"insert into {schema}.events (id, stream_id, version, type, data) values ($1, $2, $3, 'cooperative_registered', $4::jsonb)")
                            {
                                Parameters = { new() { Value = Guid.CreateVersion7() }, new() { Value = stream }, new() { Value = version }, new() { Value = body } },
                            },
                            new NpgsqlBatchCommand($"update {schema}.streams set version = $2, timestamp = now() where id = $1 and version = $2 - 1")
                            {
                                Parameters = { new() { Value = stream }, new() { Value = version } },
                            },
                        },
                    };
                    await batch.ExecuteNonQueryAsync(cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                    Interlocked.Increment(ref committed);
                }
            }));
            return committed / watch.Elapsed.TotalSeconds;
        }
        finally
        {
            await ExecuteAsync(connectionString, $"drop schema if exists {schema} cascade");
        }
    }

    /// <summary>
    /// P4's anchor: <paramref name="count"/> persistent messages of <paramref name="size"/> bytes
    /// published with RabbitMQ.Client on one confirmed channel, up to <paramref name="inFlight"/>
    /// unconfirmed at a time, to a durable exchange bound to a durable queue. Returns messages
    /// confirmed per second.
    /// </summary>
    public static async Task<double> ConfirmedPublishesPerSecondAsync(string name, int count, int size, int inFlight, CancellationToken cancellationToken)
    {
        await using var connection = await Factory().CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true,
                outstandingPublisherConfirmationsRateLimiter: new ThrottlingRateLimiter(inFlight)),
            cancellationToken);
        await channel.ExchangeDeclareAsync(name, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        await channel.QueueDeclareAsync(name, durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
        await channel.QueueBindAsync(name, name, "", cancellationToken: cancellationToken);
        try
        {
            var body = new byte[size];
            Array.Fill(body, (byte)'x');
            var watch = Stopwatch.StartNew();
            var pending = new List<Task>(inFlight);
            for (var i = 0; i < count; i++)
            {
                var properties = new BasicProperties { Persistent = true, MessageId = Guid.CreateVersion7().ToString(), ContentType = "application/vnd.masstransit+json" };
                pending.Add(channel.BasicPublishAsync(name, "", false, properties, body, cancellationToken).AsTask());
                if (pending.Count == inFlight)
                {
                    await Task.WhenAll(pending);
                    pending.Clear();
                }
            }

            await Task.WhenAll(pending);
            return count / watch.Elapsed.TotalSeconds;
        }
        finally
        {
            await channel.QueueDeleteAsync(name, cancellationToken: CancellationToken.None);
            await channel.ExchangeDeleteAsync(name, cancellationToken: CancellationToken.None);
        }
    }

    /// <summary>A connection to the test virtual host as the broker's administrator.</summary>
    public static ConnectionFactory Factory() => new()
    {
        HostName = TestInfrastructure.RabbitMqHost,
        Port = TestInfrastructure.RabbitMqPort,
        VirtualHost = TestInfrastructure.TestVirtualHost,
        UserName = TestInfrastructure.RabbitMqAdminUser,
        Password = TestInfrastructure.RabbitMqAdminPassword,
    };

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync();
    }
}

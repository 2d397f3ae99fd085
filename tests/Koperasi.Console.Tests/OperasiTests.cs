using Koperasi.Console.Operasi;
using Microsoft.Extensions.Configuration;

namespace Koperasi.Console.Tests;

/// <summary>The Operasi page's reading of its settings and of a service's relay metrics.</summary>
public class OperasiTests
{
    [Fact]
    public void The_relay_s_counters_and_lag_are_read_from_the_Prometheus_exposition()
    {
        const string exposition = """
            # TYPE koperasi_relay_published_total counter
            koperasi_relay_published_total{otel_scope_name="Koperasi.Messaging",message_type="a"} 30
            koperasi_relay_published_total{otel_scope_name="Koperasi.Messaging",message_type="b"} 10
            koperasi_relay_publish_retries_total{otel_scope_name="Koperasi.Messaging"} 2
            # TYPE koperasi_relay_lag_seconds histogram
            koperasi_relay_lag_seconds_bucket{otel_scope_name="Koperasi.Messaging",le="0.5"} 20
            koperasi_relay_lag_seconds_bucket{otel_scope_name="Koperasi.Messaging",le="1"} 37
            koperasi_relay_lag_seconds_bucket{otel_scope_name="Koperasi.Messaging",le="5"} 39
            koperasi_relay_lag_seconds_bucket{otel_scope_name="Koperasi.Messaging",le="+Inf"} 40
            koperasi_relay_lag_seconds_sum{otel_scope_name="Koperasi.Messaging"} 24
            koperasi_relay_lag_seconds_count{otel_scope_name="Koperasi.Messaging"} 40
            http_server_request_duration_seconds_count{http_route="/x"} 7
            """;

        var relay = PantauanOperasi.Relay(exposition).ShouldNotBeNull();
        relay.Published.ShouldBe(40);
        relay.Retries.ShouldBe(2);
        relay.MeanLagSeconds.ShouldBe(0.6);
        // 38 of 40 is 95 %: the first bucket holding that many is le="5".
        relay.P95LagAtMostSeconds.ShouldBe(5);
    }

    [Fact]
    public void A_replica_without_a_relay_has_none()
    {
        PantauanOperasi.Relay("# nothing\nhttp_server_active_requests 1\n").ShouldBeNull();
    }

    [Fact]
    public void Settings_name_every_service_s_replicas_and_the_broker_user_in_the_address_is_taken_out_of_it()
    {
        var settings = OperasiSettings.Read(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Services:Registry"] = "http://127.0.0.1:5101, http://127.0.0.1:5111",
            ["Services:Funding"] = "http://127.0.0.1:5103",
            ["Services:Transformation"] = "",
            ["Console:Operasi:RabbitMqManagementUrl"] = "http://ops:p%40ss@127.0.0.1:15672/",
            ["Console:Operasi:QueuePrefix"] = "koperasi.",
        }).Build());

        settings.Services.Select(s => s.Name).ShouldBe(["funding", "registry"]);
        settings.Services.Single(s => s.Name == "registry").Replicas.Count.ShouldBe(2);
        settings.RabbitMqConfigured.ShouldBeTrue();
        settings.RabbitMqUser.ShouldBe("ops");
        settings.RabbitMqPassword.ShouldBe("p@ss");
        settings.RabbitMqManagement!.ToString().ShouldNotContain("p%40ss");
        settings.RabbitMqManagement.UserInfo.ShouldBeEmpty();
        settings.VirtualHost.ShouldBe("/");
        settings.QueuePrefix.ShouldBe("koperasi.");
        settings.Grafana.ShouldBeNull();
    }

    [Fact]
    public void Without_a_management_address_the_broker_is_not_configured()
    {
        var settings = OperasiSettings.Read(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Console:Operasi:RabbitMqManagementUrl"] = "not an address",
            ["Console:Operasi:GrafanaUrl"] = "http://127.0.0.1:3000/",
        }).Build());

        settings.RabbitMqConfigured.ShouldBeFalse();
        settings.Services.ShouldBeEmpty();
        settings.Grafana!.ToString().ShouldBe("http://127.0.0.1:3000/");
    }

    [Theory]
    [InlineData("Applicant 1503015507900001 refused", "Applicant 150301******0001 refused")]
    [InlineData("phone 081234567890 and +62 812-3456-7890", "phone **********90 and ***************90")]
    [InlineData("account 1234567 at bank 014", "account *****67 at bank 014")]
    [InlineData("decided on 2025-08-29 at 10:04, version 12345", "decided on 2025-08-29 at 10:04, version 12345")]
    public void An_error_s_text_shows_no_NIK_phone_or_account_in_clear(string text, string shown)
    {
        PantauanOperasi.Masked(text).ShouldBe(shown);
    }

    [Fact]
    public void An_error_is_read_from_the_headers_MassTransit_gives_a_faulted_message_and_the_queue_names_its_service()
    {
        using var properties = System.Text.Json.JsonDocument.Parse("""
            { "message_id": "m-1", "headers": {
                "MT-Fault-ExceptionType": "Npgsql.PostgresException",
                "MT-Fault-Message": "duplicate key for 1503015507900001",
                "MT-Fault-MessageType": "urn:message:koperasi:registry:cooperative-registered",
                "MT-Fault-Timestamp": "2025-08-29T03:04:05Z" } }
            """);

        var error = PantauanOperasi.ErrorOf("registry", "koperasi.registry-cooperative-registered_error", properties.RootElement);

        error.At.ShouldBe(new DateTimeOffset(2025, 8, 29, 3, 4, 5, TimeSpan.Zero));
        error.ExceptionType.ShouldBe("Npgsql.PostgresException");
        error.Message.ShouldBe("duplicate key for 150301******0001");
        error.MessageType.ShouldBe("urn:message:koperasi:registry:cooperative-registered");

        var pantauan = new PantauanOperasi(new HttpClient(), new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Services:Registry"] = "http://127.0.0.1:5101",
            ["Services:Funding"] = "http://127.0.0.1:5103",
            ["Console:Operasi:QueuePrefix"] = "koperasi.",
        }).Build());
        pantauan.ServiceOf("koperasi.funding-grant-decreed_error").ShouldBe("funding");
        pantauan.ServiceOf("koperasi.other-queue_error").ShouldBeNull();
    }

    [Fact]
    public void A_logged_error_shows_its_message_with_its_exception_s_and_the_newest_of_each_service_come_first()
    {
        var at = new DateTimeOffset(2025, 8, 29, 3, 0, 0, TimeSpan.Zero);
        var logged = PantauanOperasi.Logged("funding", [
            new LoggedError(at, "Koperasi.Funding.Bank", "BankFailed", "Transfer failed", "System.Net.Http.HttpRequestException", "account 1234567890 refused"),
            new LoggedError(at.AddMinutes(1), "Koperasi.Funding.Bank", null, "Same text", null, "Same text"),
        ]).ToList();

        logged[0].Message.ShouldBe("Transfer failed (account ********90 refused)");
        logged[0].Category.ShouldBe("Koperasi.Funding.Bank");
        logged[0].Queue.ShouldBeNull();
        logged[1].Message.ShouldBe("Same text");

        var many = Enumerable.Range(0, PantauanOperasi.ErrorsShownPerService + 3)
            .Select(i => new RecentError("registry", null, at.AddMinutes(i), null, $"r{i}", null));
        var latest = PantauanOperasi.Latest([.. many, .. logged]);
        latest.Count(e => e.Service == "registry").ShouldBe(PantauanOperasi.ErrorsShownPerService);
        latest.Count(e => e.Service == "funding").ShouldBe(2);
        latest[0].Message.ShouldBe($"r{PantauanOperasi.ErrorsShownPerService + 2}");
        latest.Select(e => e.At).ShouldBeInOrder(SortDirection.Descending);
    }
}

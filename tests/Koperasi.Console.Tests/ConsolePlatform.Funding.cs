extern alias funding;

using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koperasi.FakeBank;
using Koperasi.ServiceDefaults.Identity;
using Koperasi.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Koperasi.Console.Tests;

/// <summary>
/// Funding in the console's platform, for the Dumisake pages: on a real loopback port, paying
/// grants through a fake bank of its own (on loopback), its clock following the real time, with
/// this year's programme opened (the programme the browser tests submit to). Its broker prefix is
/// its own ("console-funding"): the applications name no koperasi, so it does not need the
/// Registry's events of the 5,053 demo koperasi.
/// </summary>
public sealed partial class ConsolePlatform
{
    private Task _fundingClockFollower = Task.CompletedTask;

    public ServiceHost<funding::Program> Funding { get; } =
        new ServiceHost<funding::Program>("funding", "console-funding", DateTimeOffset.UtcNow)
            .With("RateLimits:WritesPerMinute", "1000000")
            .With("Bank:AttemptTimeout", "00:00:02")
            .With("Bank:RetryDelay", "00:00:00.050")
            .With("Bank:TotalTimeout", "00:00:05")
            .With("Bank:PollInterval", "00:00:00.250");

    /// <summary>The bank Funding pays through; a test may make it fail (<c>Bank.Behaviour</c>).</summary>
    public FakeBankServer Bank { get; private set; } = null!;

    /// <summary>An admin-provinsi client of Funding, for the tests to set up and check what the console did.</summary>
    public HttpClient FundingClient { get; private set; } = null!;

    /// <summary>This year's programme (Jambi's year), opened when the platform starts.</summary>
    public Guid ProgrammeId { get; private set; }

    /// <summary>Jambi's date today (WIB).</summary>
    public static DateOnly TodayInJambi => DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).DateTime);

    private Uri FundingAddress { get; set; } = null!;

    private async Task StartFundingAsync()
    {
        Bank = await FakeBankServer.StartAsync("http://127.0.0.1:0");
        Funding.With("Bank:BaseAddress", Bank.Address.ToString());
        Funding.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        Funding.StartServer();
        await Funding.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
        FundingAddress = AddressOf(Funding.Services);
        FundingClient = new HttpClient { BaseAddress = FundingAddress }.As(KoperasiRoles.AdminProvinsi);
        _fundingClockFollower = FollowTheRealTimeAsync(Funding.Clock, _stop.Token);
        ProgrammeId = await OpenThisYearsProgrammeAsync();
    }

    private async Task StopFundingAsync()
    {
        await _fundingClockFollower;
        FundingClient?.Dispose();
        await Funding.DisposeAsync();
        if (Bank is not null)
        {
            await Bank.DisposeAsync();
        }
    }

    private async Task<Guid> OpenThisYearsProgrammeAsync()
    {
        var year = TodayInJambi.Year;
        var body = new JsonObject
        {
            ["year"] = year,
            ["name"] = $"Dumisake UMKM {year}",
            ["budget"] = 10_000_000_000m,
            ["targetRecipients"] = 2000,
            ["categories"] = new JsonArray(
                new JsonObject { ["code"] = "mak-mak", ["name"] = "Mak-mak", ["amount"] = 5_000_000m },
                new JsonObject { ["code"] = "wirausaha-pemula", ["name"] = "Wirausaha pemula", ["amount"] = 5_000_000m },
                new JsonObject { ["code"] = "milenial", ["name"] = "Milenial", ["amount"] = 5_000_000m }),
            ["regencyQuotas"] = new JsonObject { ["1503"] = 200 },
            ["referenceDate"] = $"{year}-01-01",
            ["window"] = new JsonObject { ["opens"] = $"{year}-01-01", ["closes"] = $"{year}-12-31" },
        };
        using var response = await FundingClient.PostAsJsonAsync("/api/funding/programmes", body);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"The programme of {year.ToString(CultureInfo.InvariantCulture)} was not opened: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        var created = await response.Content.ReadFromJsonAsync<JsonObject>();
        return Guid.Parse(created!["id"]!.GetValue<string>());
    }

    private static async Task FollowTheRealTimeAsync(Microsoft.Extensions.Time.Testing.FakeTimeProvider clock, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                if (DateTimeOffset.UtcNow > clock.GetUtcNow())
                {
                    clock.SetUtcNow(DateTimeOffset.UtcNow);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The platform stops.
        }
    }
}

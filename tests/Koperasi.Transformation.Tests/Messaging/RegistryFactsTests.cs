using Koperasi.Transformation.Tests.Domain;
using Registry = Koperasi.Contracts.Registry;

namespace Koperasi.Transformation.Tests.Messaging;

/// <summary>
/// The service learns who may take part from the Registry's contracts, published into its bus as the
/// Registry's relay would: a duplicate changes nothing, and an older stream version never overwrites a newer one.
/// </summary>
public class RegistryFactsTests(TransformationHost host) : IClassFixture<TransformationHost>
{
    private readonly HttpClient _client = host.CreateClient();

    private static Registry.RatReported Rat(Guid id, long version, int year, int total) =>
        new(id, version, DateTimeOffset.UtcNow, year, new DateOnly(year + 1, 3, 1), total / 2, total, "in-person", false, null, null, null, total);

    [Fact]
    public async Task A_registered_koperasi_becomes_known_and_may_take_part()
    {
        var id = Guid.CreateVersion7();

        await RegistryFacts.PublishAsync(host, Given.Registration(id, "Koperasi Maju Bersama", "1505", 118), messageId: Guid.NewGuid());
        await RegistryFacts.KnownAsync(host, id, c => c.IsRegistered);

        var standing = await Api.GetAsync(_client, $"/api/transformation/cooperatives/{id}");
        (Api.Text(standing["name"]), Api.Text(standing["regencyName"]), standing["memberCount"]!.GetValue<int>(), standing["mayTakePart"]!.GetValue<bool>())
            .ShouldBe(("Koperasi Maju Bersama", "Muaro Jambi", 118, true));
    }

    [Fact]
    public async Task A_dissolved_koperasi_may_no_longer_take_part()
    {
        var id = await RegistryFacts.RegisterAsync(host);

        await RegistryFacts.PublishAsync(host, new Registry.CooperativeDissolved(id, 7, DateTimeOffset.UtcNow, "merger", new DateOnly(2026, 10, 15), Guid.NewGuid(), Guid.NewGuid(), true));
        await RegistryFacts.KnownAsync(host, id, c => c.IsDissolved);

        var standing = await Api.GetAsync(_client, $"/api/transformation/cooperatives/{id}");
        (standing["mayTakePart"]!.GetValue<bool>(), Api.Text(standing["rule"]), Api.Text(standing["dissolvedOn"])).ShouldBe((false, "cooperative-dissolved", "2026-10-15"));
    }

    [Fact]
    public async Task A_duplicate_message_changes_nothing()
    {
        var id = await RegistryFacts.RegisterAsync(host, members: 40);
        var messageId = Guid.NewGuid();
        await RegistryFacts.PublishAsync(host, Rat(id, 2, 2024, 70), messageId);
        await RegistryFacts.KnownAsync(host, id, c => c.MemberCount!.Value == 70);

        // The same message id again, even with other content (a redelivery must not apply twice).
        await RegistryFacts.PublishAsync(host, Rat(id, 3, 2025, 90), messageId);
        await host.Deliveries.HandledAsync(messageId, times: 2);

        var known = await RegistryFacts.KnownAsync(host, id, _ => true);
        (known.MemberCount!.Value, known.StreamVersion, known.LatestRatYear).ShouldBe((70, 2L, 2024));
    }

    [Fact]
    public async Task An_older_stream_version_does_not_overwrite_a_newer_one()
    {
        var id = Guid.CreateVersion7();
        var renamed = new Registry.CooperativeAmended(id, 5, DateTimeOffset.UtcNow, 2, new DateOnly(2026, 10, 15), null, "Koperasi Serba Usaha Maju", null, "jasa", null, null, null, null);
        await RegistryFacts.PublishAsync(host, renamed);
        await RegistryFacts.KnownAsync(host, id, c => c.Name?.Value == "Koperasi Serba Usaha Maju");

        var registrationId = Guid.NewGuid();
        await RegistryFacts.PublishAsync(host, Given.Registration(id, "Koperasi Maju Bersama", members: 118), registrationId);
        await host.Deliveries.HandledAsync(registrationId);

        var known = await RegistryFacts.KnownAsync(host, id, _ => true);
        (known.IsRegistered, known.Name!.Value, known.Type!.Value, known.MemberCount!.Value, known.StreamVersion)
            .ShouldBe((true, "Koperasi Serba Usaha Maju", "jasa", 118, 5L));
    }

    [Fact]
    public async Task Facts_about_one_koperasi_arriving_at_once_on_different_queues_all_apply()
    {
        var id = Guid.CreateVersion7();
        var dissolvedOn = new DateOnly(2026, 10, 15);

        await Task.WhenAll(
            RegistryFacts.PublishAsync(host, Given.Registration(id, "Koperasi Maju Bersama", members: 40)),
            RegistryFacts.PublishAsync(host, Rat(id, 2, 2024, 70)),
            RegistryFacts.PublishAsync(host, new Registry.CooperativeAmended(id, 3, DateTimeOffset.UtcNow, 2, dissolvedOn, null, "Koperasi Baru", null, null, null, null, null, null)),
            RegistryFacts.PublishAsync(host, new Registry.CooperativeDissolved(id, 4, DateTimeOffset.UtcNow, "merger", dissolvedOn, null, null, true)));

        var known = await RegistryFacts.KnownAsync(host, id, c => c.StreamVersion == 4 && c.IsRegistered && c.MemberCount?.Version == 2 && c.Name?.Version == 3 && c.IsDissolved);
        (known.Name!.Value, known.MemberCount!.Value).ShouldBe(("Koperasi Baru", 70));
    }
}

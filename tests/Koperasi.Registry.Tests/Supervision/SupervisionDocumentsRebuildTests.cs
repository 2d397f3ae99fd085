using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koperasi.Registry.Supervision;
using Koperasi.ServiceDefaults.Identity;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using static Koperasi.Registry.Tests.Supervision.SupervisionApi;

namespace Koperasi.Registry.Tests.Supervision;

/// <summary>
/// Koperasi registered before supervision existed have events but no supervision document: their
/// first new event leaves a complete one (the projection starts from the history), and the
/// operators' rebuild writes one for every koperasi still without (real PostgreSQL; today 22 November 2026).
/// </summary>
public sealed class SupervisionDocumentsRebuildTests : IAsyncLifetime
{
    private readonly IsolatedRegistryHost _registry = new("supervisiondocs", new DateTimeOffset(2026, 11, 22, 3, 0, 0, TimeSpan.Zero));
    private HttpClient _admin = null!;

    public async ValueTask InitializeAsync()
    {
        await _registry.InitializeAsync();
        _admin = _registry.CreateClient();
    }

    public async ValueTask DisposeAsync() => await _registry.DisposeAsync();

    /// <summary>A koperasi of Bangko, Merangin, holding a NIK koperasi issued on 1 September 2026 (valid today).</summary>
    private async Task<Guid> RegisterWithNikKoperasiAsync()
    {
        var registration = InBangko(Api.Rat(2025, "2026-03-01"));
        registration["nikKoperasi"] = new JsonObject { ["number"] = $"15{Random.Shared.Next(10_000_000, 99_999_999)}", ["issuedOn"] = "2026-09-01" };
        return (await Api.RegisterAsync(_admin, registration))["id"]!.GetValue<Guid>();
    }

    /// <summary>The koperasi as the upgrade finds them: their events, and no supervision document.</summary>
    private async Task AsBeforeSupervisionAsync(params Guid[] ids)
    {
        await using var session = _registry.Services.GetRequiredService<IDocumentStore>().LightweightSession();
        foreach (var id in ids)
        {
            session.Delete<CooperativeSupervision>(id);
        }

        await session.SaveChangesAsync();
    }

    private async Task<int> HoldersAsync() =>
        (await Api.GetAsync(_admin, "/api/registry/supervision/valid-nik-koperasi?on=2026-11-22"))["holders"]!.GetValue<int>();

    private async Task<RebuildSupervisionDocuments.Result> RebuildAsync()
    {
        using var response = await _admin.PostAsync(new Uri("/api/registry/ops/supervision/documents", UriKind.Relative), null);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<RebuildSupervisionDocuments.Result>())!;
    }

    [Fact]
    public async Task The_first_new_event_of_a_koperasi_without_a_document_leaves_a_complete_one()
    {
        // Given a koperasi with a valid NIK koperasi, registered before supervision existed
        var id = await RegisterWithNikKoperasiAsync();
        var holders = await HoldersAsync();
        await AsBeforeSupervisionAsync(id);
        (await HoldersAsync()).ShouldBe(holders - 1);

        // When a pembina of Merangin is assigned to it
        var pembina = _registry.CreateClientAs(KoperasiRoles.Pembina, "1502");
        await OkAsync(await PostAsync(_admin, id, "pembina-assignments", Assignment("test-pembina", "1502")));

        // Then its document holds its history too: it counts as a valid holder again, and the pembina sees it
        (await HoldersAsync()).ShouldBe(holders);
        var mine = await Api.GetAsync(pembina, "/api/registry/supervision/my-koperasi");
        mine["koperasi"]!.AsArray().Select(k => k!["cooperativeId"]!.GetValue<Guid>()).ShouldContain(id);
        await using var query = _registry.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var document = (await query.LoadAsync<CooperativeSupervision>(id)).ShouldNotBeNull();
        (document.RegencyCode, document.NikKoperasi.Count, document.Assignments.Count).ShouldBe(("1502", 1, 1));
    }

    [Fact]
    public async Task The_operators_rebuild_writes_the_document_of_every_koperasi_without_one_once()
    {
        // Given two koperasi registered before supervision existed, and one registered after
        var first = await RegisterWithNikKoperasiAsync();
        var second = await RegisterWithNikKoperasiAsync();
        await RegisterWithNikKoperasiAsync();
        var holders = await HoldersAsync();
        await AsBeforeSupervisionAsync(first, second);
        (await HoldersAsync()).ShouldBe(holders - 2);

        // When an operator rebuilds the supervision documents
        var rebuilt = await RebuildAsync();

        // Then both have their document from their events, and the statistics count them again
        (rebuilt.WithoutDocument, rebuilt.Stored).ShouldBe((2, 2));
        rebuilt.Cooperatives.ShouldBeGreaterThanOrEqualTo(3);
        (await HoldersAsync()).ShouldBe(holders);

        // And running it again stores nothing
        (await RebuildAsync()).Stored.ShouldBe(0);
        (await HoldersAsync()).ShouldBe(holders);
    }

    [Fact]
    public async Task A_pembina_may_not_rebuild()
    {
        using var response = await _registry.CreateClientAs(KoperasiRoles.Pembina, "1502")
            .PostAsync(new Uri("/api/registry/ops/supervision/documents", UriKind.Relative), null);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

using JasperFx;
using Koperasi.ServiceDefaults.Replicas;
using Koperasi.Transformation.Cooperatives;
using Koperasi.Transformation.Tests.Domain;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Koperasi.Transformation.Tests.Messaging;

/// <summary>
/// Two consumers changing one koperasi at the same moment cannot both commit, so neither change is
/// lost: the loser fails and its retry applies its fact to what the winner wrote.
/// </summary>
public class KnownCooperativesStorageTests(TransformationHost host) : IClassFixture<TransformationHost>
{
    private IDocumentStore Store => host.Services.GetRequiredService<IDocumentStore>();

    [Fact]
    public async Task Of_two_first_facts_about_a_koperasi_the_second_fails_on_the_key()
    {
        var id = Guid.NewGuid();
        await using var first = Store.LightweightSession();
        await using var second = Store.LightweightSession();
        await Replicas.ApplyAsync<KnownCooperative>(first, id, c => c.With(Given.Registration(id, "Koperasi A")), CancellationToken.None);
        await Replicas.ApplyAsync<KnownCooperative>(second, id, c => c.With(Given.Registration(id, "Koperasi A")), CancellationToken.None);

        await first.SaveChangesAsync();

        (await Should.ThrowAsync<DocumentAlreadyExistsException>(() => second.SaveChangesAsync())).DocumentType.ShouldBe(typeof(KnownCooperative));
    }

    [Fact]
    public async Task Of_two_changes_read_from_one_revision_the_second_fails()
    {
        var id = Guid.NewGuid();
        await using (var setup = Store.LightweightSession())
        {
            await Replicas.ApplyAsync<KnownCooperative>(setup, id, c => c.With(Given.Registration(id, "Koperasi A", members: 40)), CancellationToken.None);
            await setup.SaveChangesAsync();
        }

        await using var first = Store.LightweightSession();
        await using var second = Store.LightweightSession();
        await Replicas.ApplyAsync<KnownCooperative>(first, id, c => c with { MemberCount = new Versioned<int>(70, 2) }, CancellationToken.None);
        await Replicas.ApplyAsync<KnownCooperative>(second, id, c => c with { Name = new Versioned<string>("Koperasi B", 3) }, CancellationToken.None);
        await first.SaveChangesAsync();

        await Should.ThrowAsync<ConcurrencyException>(() => second.SaveChangesAsync());
        await using var query = Store.QuerySession();
        var stored = (await query.LoadAsync<KnownCooperative>(id))!;
        (stored.MemberCount!.Value, stored.Name!.Value).ShouldBe((70, "Koperasi A"));
    }

    [Fact]
    public async Task A_fold_that_changes_nothing_writes_nothing()
    {
        var id = Guid.NewGuid();
        await using (var setup = Store.LightweightSession())
        {
            await Replicas.ApplyAsync<KnownCooperative>(setup, id, c => c.With(Given.Registration(id, "Koperasi Baru", version: 3)), CancellationToken.None);
            await setup.SaveChangesAsync();
        }

        await using (var late = Store.LightweightSession())
        {
            var folded = await Replicas.ApplyAsync<KnownCooperative>(late, id, c => c.With(Given.Registration(id, "Koperasi Lama", version: 1)), CancellationToken.None);
            folded.Name!.Value.ShouldBe("Koperasi Baru");
            late.PendingChanges.AllChangedFor<KnownCooperative>().ShouldBeEmpty();
            await late.SaveChangesAsync();
        }

        await using var query = Store.QuerySession();
        var stored = (await query.LoadAsync<KnownCooperative>(id))!;
        (stored.Revision, stored.Name!.Value).ShouldBe((1L, "Koperasi Baru"));
    }
}

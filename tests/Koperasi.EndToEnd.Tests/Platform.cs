extern alias funding;
extern alias registry;
extern alias transformation;

using Koperasi.FakeBank;
using Koperasi.Testing;

namespace Koperasi.EndToEnd.Tests;

/// <summary>
/// The Registry, Transformation and Funding running together under one name, shared by the tests of
/// the platform collection (they run one after another; each uses koperasi of its own).
/// </summary>
public sealed class Platform : IAsyncLifetime
{
    public ServiceHost<registry::Program> Registry { get; } = Hosts.Registry("platform");

    public ServiceHost<transformation::Program> Transformation { get; } = Hosts.Transformation("platform");

    public ServiceHost<funding::Program> Funding { get; private set; } = null!;

    /// <summary>The bank Funding pays grants through.</summary>
    public FakeBankServer Bank { get; private set; } = null!;

    public HttpClient RegistryClient { get; private set; } = null!;

    public HttpClient TransformationClient { get; private set; } = null!;

    public HttpClient FundingClient { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Bank = await FakeBankServer.StartAsync("http://127.0.0.1:0");
        Funding = Hosts.Funding("platform", Bank.Address);

        // Consumers first: the Registry publishes as soon as a koperasi is registered.
        await Task.WhenAll(Hosts.StartAsync(Transformation), Hosts.StartAsync(Funding));
        await Hosts.StartAsync(Registry);
        RegistryClient = Registry.CreateClient();
        TransformationClient = Transformation.CreateClient();
        FundingClient = Funding.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        // The tests of the collection registered koperasi: the Registry's messages were checked
        // against its AsyncAPI document (each host's dispose fails on one that did not conform).
        var checkedMessages = Registry.Published?.Checked ?? 0;
        await Registry.DisposeAsync();
        await Transformation.DisposeAsync();
        await Funding.DisposeAsync();
        await Bank.DisposeAsync();
        checkedMessages.ShouldBeGreaterThan(0, "the published messages were not checked against the AsyncAPI document");
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<Platform>
{
    public const string Name = "platform";
}

using Marten;

namespace Koperasi.Funding.Demo;

/// <summary>
/// Marks the demo load in the database. Inserted with the programmes, so a second instance loading
/// at the same moment fails on its key; completed at the end, so a load cut short is resumed at the
/// next start rather than left half done.
/// </summary>
public sealed record DemoDataLoad(string Id, DateTimeOffset StartedAt, DateTimeOffset? CompletedAt)
{
    public const string Key = "demo-data";

    public static void Register(StoreOptions options) => options.Schema.For<DemoDataLoad>().DocumentAlias("demo_data_load");
}

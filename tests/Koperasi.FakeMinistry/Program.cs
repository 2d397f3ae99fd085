namespace Koperasi.FakeMinistry;

/// <summary>
/// Runs the fake ministry as a process of its own (./run.sh): it listens where
/// <c>ASPNETCORE_URLS</c> or <c>Urls</c> says, http://127.0.0.1:5191 when neither does.
/// </summary>
public static class FakeMinistryProgram
{
    public const string DefaultUrl = "http://127.0.0.1:5191";

    public static async Task Main(string[] args)
    {
        await using var ministry = await FakeMinistryServer.StartAsync(args: args);
        await ministry.WaitForShutdownAsync();
    }
}

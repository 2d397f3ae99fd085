namespace Koperasi.FakeBank;

/// <summary>
/// Runs the fake bank as a process of its own (./run.sh, Docker): it listens where
/// <c>ASPNETCORE_URLS</c> or <c>Urls</c> says, http://127.0.0.1:5190 when neither does.
/// </summary>
public static class FakeBankProgram
{
    public const string DefaultUrl = "http://127.0.0.1:5190";

    public static async Task Main(string[] args)
    {
        await using var bank = await FakeBankServer.StartAsync(args: args);
        await bank.WaitForShutdownAsync();
    }
}

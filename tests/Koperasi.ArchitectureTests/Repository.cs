namespace Koperasi.ArchitectureTests;

/// <summary>The checkout the tests read: the folder holding Koperasi.sln above the test's binaries.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Koperasi.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("No Koperasi.sln above the test's directory.");
    }
}

using Koperasi.ServiceDefaults.Messaging;

// dotnet run --project tools/Koperasi.AsyncApi [-- <folder>]: writes <folder>/<service>.json for every
// publishing service (default: docs/asyncapi of the repository) and removes documents of services
// that no longer publish.
var folder = args.Length > 0 ? args[0] : Path.Combine(RepositoryRoot(), "docs", "asyncapi");
Directory.CreateDirectory(folder);
foreach (var stale in Directory.GetFiles(folder, "*.json").Where(f => !AsyncApiDocument.Publishers.Contains(Path.GetFileNameWithoutExtension(f))))
{
    File.Delete(stale);
}

foreach (var service in AsyncApiDocument.Publishers)
{
    var file = Path.Combine(folder, $"{service}.json");
    await File.WriteAllTextAsync(file, AsyncApiDocument.Serialize(AsyncApiDocument.For(service)!));
    Console.WriteLine($"{file}: {AsyncApiDocument.ContractsOf(service).Count} contracts");
}

static string RepositoryRoot()
{
    for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Koperasi.sln")))
        {
            return dir.FullName;
        }
    }

    throw new DirectoryNotFoundException("Run it inside the repository, or name the folder to write to.");
}

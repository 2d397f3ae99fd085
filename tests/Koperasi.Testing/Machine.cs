using System.Globalization;
using System.Runtime.InteropServices;

namespace Koperasi.Testing;

/// <summary>The machine the numbers come from: they mean little without it.</summary>
public sealed record Machine(int Cores, string Cpu, double MemoryGiB, string OperatingSystem, string Runtime)
{
    public static Machine Describe() => new(
        Environment.ProcessorCount,
        ProcFileValue("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
        TotalMemoryGiB(),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription);

    /// <summary>
    /// The 1, 5 and 15 minute load averages (Linux): the machine is shared, and a number taken
    /// while something else ran says so here.
    /// </summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Cores} cores ({Cpu}), {MemoryGiB:F1} GiB memory, {OperatingSystem}, {Runtime}");

    private static double TotalMemoryGiB() =>
        ProcFileValue("/proc/meminfo", "MemTotal") is { } total && long.TryParse(total.Split(' ')[0], CultureInfo.InvariantCulture, out var kib)
            ? kib / 1024.0 / 1024.0
            : GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024.0 / 1024.0 / 1024.0;

    /// <summary>The value after "key:" on the first matching line of a /proc file (Linux); null elsewhere.</summary>
    private static string? ProcFileValue(string path, string key)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        return File.ReadLines(path)
            .Where(line => line.StartsWith(key, StringComparison.Ordinal))
            .Select(line => line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim())
            .FirstOrDefault();
    }
}

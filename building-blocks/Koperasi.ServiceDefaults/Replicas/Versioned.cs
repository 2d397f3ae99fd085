namespace Koperasi.ServiceDefaults.Replicas;

/// <summary>A fact of another service's aggregate and the version of that aggregate's stream that stated it.</summary>
/// <typeparam name="T">The fact.</typeparam>
/// <param name="Value">What the publisher said.</param>
/// <param name="Version">The publisher's stream version after the event that said it.</param>
public sealed record Versioned<T>(T Value, long Version);

/// <summary>How a replica takes a fact: only when it is newer than the one it holds.</summary>
public static class Versioned
{
    /// <summary>
    /// <paramref name="value"/> stated at <paramref name="version"/> when nothing is held or what is held
    /// is older; otherwise what is held (a late or repeated message changes nothing).
    /// </summary>
    public static Versioned<T> Newer<T>(Versioned<T>? held, T value, long version) =>
        held is null || version > held.Version ? new Versioned<T>(value, version) : held;

    /// <summary>As <see cref="Newer{T}(Versioned{T}?, T, long)"/> when the message states the fact; what is held when it says nothing of it.</summary>
    public static Versioned<T>? NewerIfStated<T>(Versioned<T>? held, T? value, long version) where T : class =>
        value is null ? held : Newer(held, value, version);
}

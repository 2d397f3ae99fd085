using System.Reflection;
using MassTransit;

namespace Koperasi.ServiceDefaults.Messaging;

/// <summary>
/// Names the exchange of a contract after its URN (<c>koperasi:registry:rat-reported:v1</c>),
/// never after its CLR namespace, so moving or renaming a class cannot change where it is
/// published. Messages without a URN keep MassTransit's name.
/// </summary>
public sealed class ContractEntityNameFormatter(IEntityNameFormatter fallback, string? prefix) : IEntityNameFormatter
{
    private const string UrnPrefix = "urn:message:";

    /// <inheritdoc />
    public string FormatEntityName<T>()
    {
        var name = typeof(T).GetCustomAttribute<MessageUrnAttribute>() is { } attribute
            ? attribute.Urn.ToString()[UrnPrefix.Length..]
            : fallback.FormatEntityName<T>();
        return string.IsNullOrEmpty(prefix) ? name : $"{prefix}.{name}";
    }
}

using System.Reflection;
using MassTransit;

namespace Koperasi.ServiceDefaults.Messaging;

/// <summary>
/// Names the exchange of a contract after its URN (<c>koperasi:registry:rat-reported:v1</c>),
/// never after its CLR namespace, so moving or renaming a class cannot change where it is
/// published. Messages without a URN keep MassTransit's name.
/// </summary>
/// <remarks>
/// Given the service's <see cref="ContractSubscriptions"/>, a contract of another service is named
/// after the service's own queue prefix (<c>transformation-koperasi:registry:rat-reported:v1</c>):
/// MassTransit declares that exchange, which is the service's own, and never the publisher's (that
/// would need the right to configure, and so to delete, it). <see cref="ContractSubscriptions"/>
/// binds the publisher's exchange to it.
/// </remarks>
public sealed class ContractEntityNameFormatter(IEntityNameFormatter fallback, string? prefix, ContractSubscriptions? subscriptions = null) : IEntityNameFormatter
{
    private const string UrnPrefix = "urn:message:";

    /// <inheritdoc />
    public string FormatEntityName<T>()
    {
        if (typeof(T).GetCustomAttribute<MessageUrnAttribute>() is not { } attribute)
        {
            return Prefixed(fallback.FormatEntityName<T>());
        }

        var urn = attribute.Urn.ToString()[UrnPrefix.Length..];
        return subscriptions?.Subscribe(urn) ?? Prefixed(urn);
    }

    private string Prefixed(string name) => string.IsNullOrEmpty(prefix) ? name : $"{prefix}.{name}";
}

namespace Koperasi.ServiceDefaults.Messaging;

/// <summary>
/// A page of events could not be published. Deliberately not an OperationCanceledException:
/// the daemon would swallow that and stall the relay until restart; this one makes it pause
/// and retry the page.
/// </summary>
public sealed class RelayPublishException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RelayPublishException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public RelayPublishException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public RelayPublishException(string message, Exception innerException) : base(message, innerException)
    {
    }
}

using System.Threading.Channels;

namespace Koperasi.Funding.Disbursements;

/// <summary>
/// Wakes the processor when this process recorded a disbursement to send, so it goes out at once
/// rather than at the next poll. Nudges while the processor is busy collapse into one.
/// </summary>
public sealed class DisbursementSignal
{
    private readonly Channel<bool> _nudges = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Nudge() => _nudges.Writer.TryWrite(true);

    /// <summary>Returns at the next nudge, or when <paramref name="timeout"/> has passed.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(timeout);
        try
        {
            await _nudges.Reader.ReadAsync(wait.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed without a nudge.
        }
    }
}

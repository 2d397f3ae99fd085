using Koperasi.ServiceDefaults.Http;

namespace Koperasi.Funding.Disbursements;

/// <summary>
/// Whether the bank client's circuit breaker is within a break: until it ends, the processor
/// leaves the requested disbursements waiting, without reading anyone's account for a call that
/// would not go. After it, the next call tries the bank again (half-open).
/// </summary>
public sealed class BankCircuit : IOutsidePartyCircuit
{
    private long _blockedUntilTicks;

    public bool IsOpen => TimeProvider.System.GetUtcNow().UtcTicks < Interlocked.Read(ref _blockedUntilTicks);

    public void Opened(TimeSpan breakDuration) =>
        Interlocked.Exchange(ref _blockedUntilTicks, (TimeProvider.System.GetUtcNow() + breakDuration).UtcTicks);

    public void Closed() => Interlocked.Exchange(ref _blockedUntilTicks, 0);
}

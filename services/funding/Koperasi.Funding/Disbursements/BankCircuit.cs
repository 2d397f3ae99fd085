using Polly.CircuitBreaker;

namespace Koperasi.Funding.Disbursements;

/// <summary>
/// The state of the bank client's circuit breaker: while it is open the processor leaves the
/// requested disbursements waiting, without reading anyone's account for a call that would not go.
/// </summary>
public sealed class BankCircuit
{
    public CircuitBreakerStateProvider StateProvider { get; } = new();

    public bool IsOpen => StateProvider.CircuitState is CircuitState.Open or CircuitState.Isolated;
}

using Koperasi.Registry.Cooperatives;
using Koperasi.Registry.Supervision;
using Koperasi.ServiceDefaults.Decisions;
using static Koperasi.Registry.Tests.Domain.Registrations;

namespace Koperasi.Registry.Tests.Domain;

/// <summary>
/// One koperasi's stream for the given/when/then tests of supervision: the events so far, and the
/// two states they fold to (the koperasi and its supervision).
/// </summary>
internal sealed class Supervised
{
    public static readonly DateOnly Today = D(2026, 11, 22);

    private readonly List<object> _events;

    private Supervised(IEnumerable<object> events) => _events = [.. events];

    /// <summary>A primer of Merangin (BPS 1502), legal entity in 2015, RAT of 2024 held on 1 March 2025: aktif.</summary>
    public static Supervised Koperasi(string regency = "1502", string name = "Koperasi Sejahtera Bersama", params RatReport[] rats)
    {
        var command = Primer(D(2015, 3, 2), rats.Length == 0 ? [Rat(2024, D(2025, 3, 1))] : rats)
            .Profiled(p => p with { Name = name, Address = new Address("Jl. Lintas Sumatera 12", null, "Bangko", regency, null) });
        return new Supervised(History(command, Today).Events);
    }

    public IReadOnlyList<object> Events => _events;

    public Cooperative Koperasi() => Given(_events);

    public CooperativeSupervision Supervision => _events.Aggregate((CooperativeSupervision?)null, CooperativeSupervision.Fold)
        ?? throw new InvalidOperationException("No registration among the events.");

    /// <summary>Given these events happened as well.</summary>
    public Supervised And(params object[] more)
    {
        _events.AddRange(more);
        return this;
    }

    /// <summary>When the supervision decides: the decision, whose events (if any) are now part of the stream.</summary>
    public Decision When(Func<CooperativeSupervision, Cooperative, Decision> decide)
    {
        var decision = decide(Supervision, Koperasi());
        _events.AddRange(decision.Events);
        return decision;
    }

    /// <summary>The koperasi was dissolved by merger into another.</summary>
    public Supervised Dissolved(DateOnly on) =>
        And(new DissolutionRecorded(Koperasi().Id, DissolutionReason.Merger, on, Guid.NewGuid(), Guid.NewGuid(), WithoutLiquidation: true));
}

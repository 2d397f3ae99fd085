namespace Koperasi.FakeServers;

/// <summary>
/// How a fake server of ours (the bank, the ministry) misbehaves, set through the control endpoints:
/// the next N calls fail, every call is delayed, or the next N calls "time out" (the work is done,
/// the answer comes too late).
/// </summary>
public sealed class Behaviour
{
    private readonly Lock _lock = new();
    private int _failures;
    private int _failureStatus = 503;
    private int _timeouts;
    private TimeSpan _timeoutDelay;
    private TimeSpan _delay;
    private int _calls;

    /// <summary>Calls received, failed ones included.</summary>
    public int Calls => Volatile.Read(ref _calls);

    public void FailNext(int count, int statusCode)
    {
        lock (_lock)
        {
            (_failures, _failureStatus) = (count, statusCode);
        }
    }

    public void TimeOutNext(int count, TimeSpan answerAfter)
    {
        lock (_lock)
        {
            (_timeouts, _timeoutDelay) = (count, answerAfter);
        }
    }

    public void DelayEvery(TimeSpan delay)
    {
        lock (_lock)
        {
            _delay = delay;
        }
    }

    public void Reset()
    {
        lock (_lock)
        {
            (_failures, _timeouts, _timeoutDelay, _delay) = (0, 0, TimeSpan.Zero, TimeSpan.Zero);
        }
    }

    public BehaviourState State
    {
        get
        {
            lock (_lock)
            {
                return new BehaviourState(Calls, _failures, _failureStatus, (int)_delay.TotalMilliseconds, _timeouts, (int)_timeoutDelay.TotalMilliseconds);
            }
        }
    }

    /// <summary>Counts a call and says what to do with it.</summary>
    public CallPlan NextCall()
    {
        Interlocked.Increment(ref _calls);
        lock (_lock)
        {
            if (_failures > 0)
            {
                _failures--;
                return new CallPlan(_delay, _failureStatus, TimeSpan.Zero);
            }

            if (_timeouts > 0)
            {
                _timeouts--;
                return new CallPlan(_delay, null, _timeoutDelay);
            }

            return new CallPlan(_delay, null, TimeSpan.Zero);
        }
    }
}

/// <summary>What one call does: wait first, fail with a status, or do the work and answer late.</summary>
public sealed record CallPlan(TimeSpan Delay, int? FailWith, TimeSpan AnswerAfter);

/// <summary>The behaviour as the control endpoint shows it.</summary>
public sealed record BehaviourState(int Calls, int FailuresRemaining, int FailureStatusCode, int DelayMilliseconds, int TimeoutsRemaining, int TimeoutMilliseconds);

namespace Bifrost.Client.Testing;

/// <summary>The faults queued on a <see cref="BifrostEmulator"/>. The first queued fault that matches a request applies.</summary>
public sealed class EmulatorFaults
{
    private readonly List<EmulatorFault> _faults = [];
    private int _appliedCount;

    internal EmulatorFaults()
    {
    }

    /// <summary>The total number of times any fault has been applied since the emulator started.</summary>
    public int AppliedCount => Volatile.Read(ref _appliedCount);

    /// <summary>The faults that still have applications left, in queue order.</summary>
    public IReadOnlyList<EmulatorFault> Pending
    {
        get
        {
            lock (_faults)
            {
                return [.. _faults.Where(f => f.Remaining > 0)];
            }
        }
    }

    /// <summary>Queues a fault.</summary>
    /// <param name="fault">The fault.</param>
    /// <returns>The same fault, to read its <see cref="EmulatorFault.AppliedCount"/> later.</returns>
    public EmulatorFault Add(EmulatorFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        lock (_faults)
        {
            _faults.Add(fault);
        }

        return fault;
    }

    /// <summary>Removes every queued fault.</summary>
    public void Clear()
    {
        lock (_faults)
        {
            _faults.Clear();
        }
    }

    internal EmulatorFault? Claim(EmulatorRequest request)
    {
        lock (_faults)
        {
            _faults.RemoveAll(f => f.Remaining <= 0);
            foreach (EmulatorFault fault in _faults)
            {
                if (fault.TryClaim(request))
                {
                    Interlocked.Increment(ref _appliedCount);
                    return fault;
                }
            }
        }

        return null;
    }
}

namespace Bifrost.Client.Testing;

/// <summary>The requests a <see cref="BifrostEmulator"/> has received, in arrival order of completion.</summary>
public sealed class EmulatorJournal
{
    private readonly List<EmulatorJournalEntry> _entries = [];

    internal EmulatorJournal()
    {
    }

    /// <summary>A snapshot of the entries recorded so far.</summary>
    public IReadOnlyList<EmulatorJournalEntry> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    /// <summary>The number of entries recorded so far.</summary>
    public int Count
    {
        get
        {
            lock (_entries)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Forgets every entry.</summary>
    public void Clear()
    {
        lock (_entries)
        {
            _entries.Clear();
        }
    }

    internal void Add(EmulatorJournalEntry entry)
    {
        lock (_entries)
        {
            _entries.Add(entry);
        }
    }
}

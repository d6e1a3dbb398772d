using System.Text.Json.Nodes;

namespace Bifrost.Client.Testing.Emulator;

/// <summary>
/// The emulated database: raw keys (CONTRACT Appendix A form) per provider, in insertion order.
/// Callers hold <see cref="Gate"/> around read-modify-write sequences.
/// </summary>
internal sealed class KeyStore
{
    private readonly List<(string Provider, JsonObject Key)> _rows = [];

    /// <summary>The lock serialising every request's work on the store.</summary>
    public object Gate { get; } = new();

    public JsonObject? Find(string provider, string id)
    {
        lock (Gate)
        {
            int index = IndexOf(provider, id);
            return index < 0 ? null : _rows[index].Key;
        }
    }

    public IReadOnlyList<JsonObject> List(string provider)
    {
        lock (Gate)
        {
            return [.. _rows.Where(r => string.Equals(r.Provider, provider, StringComparison.Ordinal)).Select(r => r.Key)];
        }
    }

    public IReadOnlyList<(string Provider, JsonObject Key)> All()
    {
        lock (Gate)
        {
            return [.. _rows];
        }
    }

    /// <summary>Whether another key (any provider) already has this name.</summary>
    public bool IsNameTaken(string name, string? exceptId)
    {
        lock (Gate)
        {
            return _rows.Any(r => !string.Equals(IdOf(r.Key), exceptId, StringComparison.Ordinal)
                && string.Equals(RawJson.Text(r.Key["name"]), name, StringComparison.Ordinal));
        }
    }

    /// <summary>Whether any key (any provider) has this id.</summary>
    public bool IsIdTaken(string id)
    {
        lock (Gate)
        {
            return _rows.Any(r => string.Equals(IdOf(r.Key), id, StringComparison.Ordinal));
        }
    }

    /// <summary>Adds, or replaces the key with the same provider and id.</summary>
    public void Save(string provider, JsonObject key)
    {
        lock (Gate)
        {
            int index = IndexOf(provider, IdOf(key));
            if (index < 0)
            {
                _rows.Add((provider, key));
            }
            else
            {
                _rows[index] = (provider, key);
            }
        }
    }

    public bool Remove(string provider, string id)
    {
        lock (Gate)
        {
            int index = IndexOf(provider, id);
            if (index < 0)
            {
                return false;
            }

            _rows.RemoveAt(index);
            return true;
        }
    }

    public void Clear()
    {
        lock (Gate)
        {
            _rows.Clear();
        }
    }

    private int IndexOf(string provider, string id) =>
        _rows.FindIndex(r => string.Equals(r.Provider, provider, StringComparison.Ordinal)
            && string.Equals(IdOf(r.Key), id, StringComparison.Ordinal));

    private static string IdOf(JsonObject key) => RawJson.Text(key["id"]);
}

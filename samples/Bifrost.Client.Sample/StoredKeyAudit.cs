using System.Text.Json.Nodes;

namespace Bifrost.Client.Sample;

/// <summary>
/// Compares two copies of a key in the emulator's raw store, field by field, and reports only whether each field is
/// intact: the raw values (real secrets in the store) are never returned.
/// </summary>
internal static class StoredKeyAudit
{
    /// <summary>What happened to one stored field.</summary>
    public enum FieldState
    {
        /// <summary>Byte for byte the same.</summary>
        Intact,

        /// <summary>A different value.</summary>
        Changed,

        /// <summary>Present before, gone after.</summary>
        Removed,

        /// <summary>Absent before, present after.</summary>
        Added,
    }

    /// <summary>Compares every leaf field (objects are walked; arrays count as one field).</summary>
    /// <returns>One entry per field path, in the order of <paramref name="before"/> then new fields.</returns>
    public static IReadOnlyList<(string Path, FieldState State)> Compare(JsonObject before, JsonObject after)
    {
        var old = Flatten(before);
        var now = Flatten(after);
        var result = new List<(string, FieldState)>();
        foreach (var (path, value) in old)
        {
            if (!now.TryGetValue(path, out var current))
            {
                result.Add((path, FieldState.Removed));
            }
            else
            {
                result.Add((path, JsonNode.DeepEquals(value, current) ? FieldState.Intact : FieldState.Changed));
            }
        }

        foreach (var path in now.Keys.Where(p => !old.ContainsKey(p)))
        {
            result.Add((path, FieldState.Added));
        }

        return result;
    }

    /// <summary>Whether the field at a dotted path holds the given string (the raw value is not exposed).</summary>
    public static bool HasValue(JsonObject stored, string path, string expected) =>
        Flatten(stored).TryGetValue(path, out var node) && node is JsonValue v && v.TryGetValue(out string? s) && s == expected;

    /// <summary>Whether a field at a dotted path holds a non-empty string.</summary>
    public static bool HasNonEmptyValue(JsonObject stored, string path) =>
        Flatten(stored).TryGetValue(path, out var node) && node is JsonValue v && v.TryGetValue(out string? s) && s.Length > 0;

    private static Dictionary<string, JsonNode?> Flatten(JsonObject root)
    {
        var fields = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        Walk(root, prefix: "", fields);
        return fields;
    }

    private static void Walk(JsonObject node, string prefix, Dictionary<string, JsonNode?> into)
    {
        foreach (var (name, value) in node)
        {
            var path = prefix.Length == 0 ? name : prefix + "." + name;
            if (value is JsonObject child)
            {
                Walk(child, path, into);
            }
            else
            {
                into[path] = value;
            }
        }
    }
}

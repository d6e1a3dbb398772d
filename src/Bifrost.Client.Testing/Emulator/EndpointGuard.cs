using System.Text.Json.Nodes;

namespace Bifrost.Client.Testing.Emulator;

/// <summary>
/// The newest server's guard on endpoint changes while dashboard auth is disabled (CONTRACT §8.4,
/// PR #5768): a POST/PUT that adds, changes or removes a dial target gets 403.
/// </summary>
internal static class EndpointGuard
{
    /// <summary>The dial-target paths that differ between the stored and the merged key.</summary>
    public static IReadOnlyList<string> ChangedDialTargets(JsonObject key, JsonObject? stored)
    {
        var changed = new List<string>();
        foreach (BlockSchema block in KeySchema.Blocks)
        {
            Collect(block, block.Name, key[block.Name] as JsonObject, stored?[block.Name] as JsonObject, changed);
        }

        var sources = new SortedSet<string>(StringComparer.Ordinal);
        AddSources(key["aliases"] as JsonObject, sources);
        AddSources(stored?["aliases"] as JsonObject, sources);
        foreach (string source in sources)
        {
            if (!SameText(AliasEndpoint(key, source), AliasEndpoint(stored, source)))
            {
                changed.Add("aliases." + source + ".endpoint");
            }
        }

        return changed;
    }

    /// <summary>The server's 403 message for the changed paths.</summary>
    public static string Message(IReadOnlyList<string> paths) =>
        $"Changing a provider key's endpoint ({string.Join(", ", paths)}) requires an authenticated admin session; "
        + "dashboard auth is currently disabled or unconfigured. Enable dashboard authentication first.";

    private static void Collect(BlockSchema schema, string path, JsonObject? key, JsonObject? stored, List<string> changed)
    {
        foreach (FieldSchema field in schema.Fields)
        {
            string fieldPath = path + "." + field.Name;
            if (field is { Kind: FieldKind.Block, Nested: { } nested })
            {
                Collect(nested, fieldPath, key?[field.Name] as JsonObject, stored?[field.Name] as JsonObject, changed);
            }
            else if (field.IsDialTarget && !SameText(key?[field.Name], stored?[field.Name]))
            {
                changed.Add(fieldPath);
            }
        }
    }

    private static void AddSources(JsonObject? aliases, SortedSet<string> sources)
    {
        if (aliases is not null)
        {
            foreach ((string source, _) in aliases)
            {
                sources.Add(source);
            }
        }
    }

    private static JsonNode? AliasEndpoint(JsonObject? key, string source) =>
        ((key?["aliases"] as JsonObject)?[source] as JsonObject)?["endpoint"];

    private static bool SameText(JsonNode? a, JsonNode? b) =>
        string.Equals(RawJson.Text(a), RawJson.Text(b), StringComparison.Ordinal);
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Bifrost.Client.Masks;
using Bifrost.Client.Serialization;

namespace Bifrost.Client;

/// <summary>Computes what an edit changes in a key, field by field, for dry runs and audit logs. Never exposes a secret.</summary>
public static class KeyDiff
{
    private const string Hidden = "(hidden)";

    /// <summary>
    /// Lists the changes from <paramref name="before"/> to <paramref name="after"/> by wire path: model entries added or
    /// removed, weight, flags, aliases, secrets (shown masked), configuration block fields and unmodelled members.
    /// </summary>
    /// <param name="before">The key as read.</param>
    /// <param name="after">The edited key.</param>
    /// <returns>The changes in wire order; empty when the keys would be sent identically.</returns>
    public static IReadOnlyList<KeyChange> Compute(ProviderKey before, ProviderKey after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);

        var context = new Context(before, after);
        var changes = new List<KeyChange>();
        Walk(context, string.Empty, ToTree(before), ToTree(after), opaque: false, changes);
        return changes;
    }

    private static JsonObject ToTree(ProviderKey key)
    {
        var tree = JsonSerializer.SerializeToNode(key, BifrostJsonContext.Default.ProviderKey)!.AsObject();

        // A plain-string alias and an object with only model_id are the same alias (CONTRACT §4.3).
        if (tree["aliases"] is JsonObject aliases)
        {
            foreach (var name in aliases.Select(a => a.Key).ToList())
            {
                if (aliases[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String)
                {
                    aliases[name] = new JsonObject { ["model_id"] = value.GetValue<string>() };
                }
            }
        }

        return tree;
    }

    private static void Walk(Context context, string path, JsonNode? before, JsonNode? after, bool opaque, List<KeyChange> changes)
    {
        if (context.IsSecretPath(path))
        {
            var was = context.BeforeSecret(path);
            var now = context.AfterSecret(path);
            if (!Equals(was, now))
            {
                changes.Add(new KeyChange(path, KindOf(was is null, now is null), DisplaySecret(was), DisplaySecret(now)));
            }

            return;
        }

        opaque |= context.IsOpaquePath(path);

        if (path is "models" or "blacklisted_models")
        {
            DiffSet(path, before as JsonArray, after as JsonArray, changes);
            return;
        }

        if (before is JsonObject || after is JsonObject)
        {
            if (before is not (JsonObject or null) || after is not (JsonObject or null))
            {
                Walk(context, path, before, null, opaque, changes);
                Walk(context, path, null, after, opaque, changes);
                return;
            }

            var b = before as JsonObject;
            var a = after as JsonObject;
            var names = (b?.Select(p => p.Key) ?? []).Concat(a?.Select(p => p.Key) ?? []).Distinct(StringComparer.Ordinal).ToList();
            foreach (var name in names)
            {
                Walk(context, Join(path, name), b?[name], a?[name], opaque, changes);
            }

            return;
        }

        if (before is JsonArray || after is JsonArray)
        {
            if (before is not (JsonArray or null) || after is not (JsonArray or null))
            {
                Walk(context, path, before, null, opaque, changes);
                Walk(context, path, null, after, opaque, changes);
                return;
            }

            var b = before as JsonArray;
            var a = after as JsonArray;
            var count = Math.Max(b?.Count ?? 0, a?.Count ?? 0);
            for (var i = 0; i < count; i++)
            {
                Walk(context, $"{path}[{i}]", b is not null && i < b.Count ? b[i] : null, a is not null && i < a.Count ? a[i] : null, opaque, changes);
            }

            return;
        }

        if (!JsonNode.DeepEquals(before, after))
        {
            changes.Add(new KeyChange(path, KindOf(before is null, after is null), DisplayLeaf(before, opaque), DisplayLeaf(after, opaque)));
        }
    }

    private static void DiffSet(string path, JsonArray? before, JsonArray? after, List<KeyChange> changes)
    {
        var was = (before ?? []).Select(n => n?.GetValue<string>()).OfType<string>().ToList();
        var now = (after ?? []).Select(n => n?.GetValue<string>()).OfType<string>().ToList();
        foreach (var removed in was.Where(m => !now.Contains(m, StringComparer.Ordinal)))
        {
            changes.Add(new KeyChange(path, KeyChangeKind.Removed, removed, null));
        }

        foreach (var added in now.Where(m => !was.Contains(m, StringComparer.Ordinal)))
        {
            changes.Add(new KeyChange(path, KeyChangeKind.Added, null, added));
        }
    }

    private static KeyChangeKind KindOf(bool beforeMissing, bool afterMissing) =>
        beforeMissing ? KeyChangeKind.Added : afterMissing ? KeyChangeKind.Removed : KeyChangeKind.Changed;

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;

    // A secret shows only as its mask, its reference, "(secret)", "(empty)", or "(new secret)" for a literal set in code.
    private static string? DisplaySecret(SecretValue? value) => value switch
    {
        null => null,
        { IsReceived: false, IsReference: false, IsEmpty: false } => "(new secret)",
        _ => value.ToString(),
    };

    private static string? DisplayLeaf(JsonNode? node, bool opaque)
    {
        if (node is null)
        {
            return null;
        }

        if (node.GetValueKind() == JsonValueKind.String)
        {
            var text = node.GetValue<string>();
            return !opaque || MaskRules.IsRecognizedPlaceholder(text) ? text : Hidden;
        }

        return node.ToJsonString();
    }

    /// <summary>Secret paths and unmodelled member paths of both keys.</summary>
    private sealed class Context
    {
        private readonly Dictionary<string, SecretValue?> _before = new(StringComparer.Ordinal);
        private readonly Dictionary<string, SecretValue?> _after = new(StringComparer.Ordinal);
        private readonly HashSet<string> _opaque = new(StringComparer.Ordinal);

        public Context(ProviderKey before, ProviderKey after)
        {
            foreach (var field in before.CollectSecrets())
            {
                _before[field.Path] = field.Value;
            }

            foreach (var field in after.CollectSecrets())
            {
                _after[field.Path] = field.Value;
            }

            AddOpaque(before);
            AddOpaque(after);
        }

        public bool IsSecretPath(string path) =>
            (_before.TryGetValue(path, out var b) && b is not null) || (_after.TryGetValue(path, out var a) && a is not null);

        public SecretValue? BeforeSecret(string path) => _before.GetValueOrDefault(path);

        public SecretValue? AfterSecret(string path) => _after.GetValueOrDefault(path);

        public bool IsOpaquePath(string path) => _opaque.Contains(path);

        private void AddOpaque(ProviderKey key)
        {
            AddAll(string.Empty, key.AdditionalProperties);
            foreach (var block in key.ConfigBlocks)
            {
                AddAll(block.WireName + ".", block.AdditionalProperties);
                if (block is BedrockKeyConfig bedrock)
                {
                    if (bedrock.Endpoints is { } endpoints)
                    {
                        AddAll(block.WireName + ".endpoints.", endpoints.AdditionalProperties);
                    }

                    if (bedrock.BatchS3Config is { } batch)
                    {
                        AddAll(block.WireName + ".batch_s3_config.", batch.AdditionalProperties);
                        for (var i = 0; i < batch.Buckets.Count; i++)
                        {
                            AddAll($"{block.WireName}.batch_s3_config.buckets[{i}].", batch.Buckets[i].AdditionalProperties);
                        }
                    }
                }
            }

            foreach (var (name, alias) in key.Aliases)
            {
                AddAll("aliases." + name + ".", alias.AdditionalProperties);
            }
        }

        private void AddAll(string prefix, IDictionary<string, JsonElement> members)
        {
            foreach (var name in members.Keys)
            {
                _opaque.Add(prefix + name);
            }
        }
    }
}

using System.Text.Json;
using Bifrost.Client.Masks;

namespace Bifrost.Client;

/// <summary>
/// Checks an edited key against the key it was read as, before anything is sent, and refuses edits that would destroy
/// or corrupt stored data (see docs/safe-updates.md). Pure: no I/O, never mutates either key.
/// </summary>
internal static class UpdateGuard
{
    /// <summary>Throws <see cref="UnsafeUpdateException"/> when sending <paramref name="edited"/> as a full replace of <paramref name="original"/> is unsafe.</summary>
    /// <param name="provider">The provider in the request path (built-in or custom).</param>
    /// <param name="original">The key as read from the server (the untouched snapshot).</param>
    /// <param name="edited">The key the caller edited, to be sent whole.</param>
    /// <param name="options">The update options (base-provider hint).</param>
    public static void Check(string provider, ProviderKey original, ProviderKey edited, UpdateKeyOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provider);
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(edited);
        ArgumentNullException.ThrowIfNull(options);

        var rules = ProviderRules.For(provider, options.BaseProvider);

        CheckName(edited);
        CheckPlainFields(original, edited);
        CheckModels(original, edited);
        CheckMembersKept(original, edited);
        CheckSecrets(original, edited);
        CheckBlockMembersKept(original, edited);
        CheckUnknownMembers(string.Empty, original.AdditionalProperties, edited.AdditionalProperties);
        foreach (var block in edited.ConfigBlocks)
        {
            var before = original.ConfigBlocks.FirstOrDefault(b => b.WireName == block.WireName);
            CheckUnknownMembers(block.WireName + ".", before?.AdditionalProperties, block.AdditionalProperties);
        }

        // An untouched secret whose mask came back damaged would be stored as the credential, even echoed exactly.
        DamagedMask.EnsureNone(edited);

        if (rules.FindMissingRequiredField(edited) is { } missing)
        {
            throw Refuse(missing.Path, UnsafeUpdateReason.RequiredFieldMissing,
                $"{missing.Path} {missing.Rule} and is missing or empty. Keep the stored value (leave the field untouched) or set a new one.");
        }

        if (rules.RequiresValue && (edited.Value is null || edited.Value.IsEmpty))
        {
            throw Refuse("value", UnsafeUpdateReason.RequiredFieldMissing,
                $"value must not be empty for '{rules.BaseProvider}' keys; the server rejects it. Keep the stored value (leave it untouched) or set a new one.");
        }
    }

    private static void CheckName(ProviderKey edited)
    {
        if (string.IsNullOrWhiteSpace(edited.Name))
        {
            throw Refuse("name", UnsafeUpdateReason.RequiredFieldMissing,
                "name is missing or empty. Older servers store an empty name (and a second nameless key then fails with 409); always send the key's name.");
        }
    }

    private static void CheckPlainFields(ProviderKey original, ProviderKey edited)
    {
        if (edited.Weight is { } weight && (double.IsNaN(weight) || double.IsInfinity(weight) || weight < 0))
        {
            throw Refuse("weight", UnsafeUpdateReason.InvalidWeight,
                "weight must be a finite number of zero or more (the official UI uses 0 to 1).");
        }

        RefuseDropped("weight", original.Weight is not null && edited.Weight is null, "the server would store weight 0 and the key would get no traffic");
        RefuseDropped("enabled", original.Enabled is not null && edited.Enabled is null, "the server would store enabled = true, re-enabling a disabled key");
        RefuseDropped("use_for_batch_api", original.UseForBatchApi is not null && edited.UseForBatchApi is null, "the server would store false");
        RefuseDropped("use_anthropic_endpoints", original.UseAnthropicEndpoints is not null && edited.UseAnthropicEndpoints is null, "the server would store false");

        static void RefuseDropped(string path, bool dropped, string effect)
        {
            if (dropped)
            {
                throw Refuse(path, UnsafeUpdateReason.FieldDropped,
                    $"{path} was set to null but the stored key has a value; {effect}. Set an explicit value instead.");
            }
        }
    }

    private static void CheckModels(ProviderKey original, ProviderKey edited)
    {
        if (original.Models.Count > 0 && edited.Models.Count == 0 && !edited.IsDenyAllModelsIntended)
        {
            throw Refuse("models", UnsafeUpdateReason.ModelsEmptied,
                "models was emptied; the server reads an empty list as \"deny all\" and the key would stop serving traffic. "
                + "Call key.DenyAllModels() (or KeyEdits.DenyAllModels()) if that is what you mean, or use [\"*\"] to allow all.");
        }

        CheckModelList("models", edited.Models);
        CheckModelList("blacklisted_models", edited.BlacklistedModels);
    }

    // CONTRACT §2 / §7.2: '*' cannot be mixed with other entries; case-insensitive duplicates are rejected.
    private static void CheckModelList(string path, IList<string> list)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in list)
        {
            if (entry is null)
            {
                throw Refuse(path, UnsafeUpdateReason.InvalidModelList, $"{path} contains a null entry; the server rejects it.");
            }

            if (!seen.Add(entry))
            {
                throw Refuse(path, UnsafeUpdateReason.InvalidModelList,
                    $"{path} contains '{entry}' more than once (case-insensitively); the server rejects duplicates.");
            }
        }

        if (list.Count > 1 && seen.Contains("*"))
        {
            throw Refuse(path, UnsafeUpdateReason.InvalidModelList,
                $"{path} mixes the wildcard '*' with other entries; the server rejects it. Use [\"*\"] alone or list the models.");
        }
    }

    // A block or unknown member the stored key has must still be there, unless removed through RemoveConfig/RemoveMember.
    private static void CheckMembersKept(ProviderKey original, ProviderKey edited)
    {
        var editedMembers = new HashSet<string>(edited.ConfigBlockNames, StringComparer.Ordinal);
        foreach (var (name, value) in edited.AdditionalProperties)
        {
            if (value.ValueKind is not JsonValueKind.Null and not JsonValueKind.Undefined)
            {
                editedMembers.Add(name);
            }
        }

        var originalMembers = original.ConfigBlockNames
            .Concat(original.AdditionalProperties.Where(p => p.Value.ValueKind is not JsonValueKind.Null and not JsonValueKind.Undefined).Select(p => p.Key));
        foreach (var name in originalMembers)
        {
            if (editedMembers.Contains(name) || edited.IsRemovalIntended(name))
            {
                continue;
            }

            if (name.EndsWith("_key_config", StringComparison.Ordinal))
            {
                throw Refuse(name, UnsafeUpdateReason.ConfigBlockDropped,
                    $"{name} was dropped by the edit; the update replaces the whole key, so the stored block and its secrets would be wiped. "
                    + $"Keep the block (edit its fields instead of replacing it), or call key.RemoveMember(\"{name}\") (or key.RemoveConfig()) to remove it on purpose.");
            }

            throw Refuse(name, UnsafeUpdateReason.FieldDropped,
                $"{name} (a member the SDK does not model) was dropped by the edit; the update replaces the whole key, so the server would wipe it. "
                + $"Keep it, or call key.RemoveMember(\"{name}\") to remove it on purpose.");
        }
    }

    private static void CheckBlockMembersKept(ProviderKey original, ProviderKey edited)
    {
        // Unmodelled members inside a modelled block (fields newer servers added) must survive a block replacement.
        foreach (var block in original.ConfigBlocks)
        {
            var now = edited.ConfigBlocks.FirstOrDefault(b => b.WireName == block.WireName);
            if (now is null || edited.IsRemovalIntended(block.WireName))
            {
                continue;
            }

            foreach (var (name, value) in block.AdditionalProperties)
            {
                if (value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined
                    || (now.AdditionalProperties.TryGetValue(name, out var kept) && kept.ValueKind is not JsonValueKind.Null and not JsonValueKind.Undefined))
                {
                    continue;
                }

                var path = block.WireName + "." + name;
                throw Refuse(path, UnsafeUpdateReason.FieldDropped,
                    $"{path} (a field the SDK does not model, possibly a secret) was dropped, most likely by replacing the block; the server would wipe it. "
                    + "Edit the block's fields instead of replacing it, or call key.RemoveConfig() before assigning a new block.");
            }
        }
    }

    private static void CheckSecrets(ProviderKey original, ProviderKey edited)
    {
        var before = ToMap(original.CollectSecrets());
        var after = ToMap(edited.CollectSecrets());

        foreach (var (path, value) in before)
        {
            if (value is null || value.IsEmpty || (after.TryGetValue(path, out var now) && now is not null))
            {
                continue;
            }

            if (IsUnderRemovedContainer(path, original, edited))
            {
                continue;
            }

            throw Refuse(path, UnsafeUpdateReason.SecretDropped,
                $"{path} was set to null (or its block was replaced by one without it), which would wipe the stored secret. "
                + "Leave the field untouched to keep it, or assign SecretValue.Empty to clear it on purpose.");
        }

        foreach (var (path, value) in after)
        {
            if (value is null || (before.TryGetValue(path, out var was) && value.Equals(was)))
            {
                continue; // absent, or untouched: sent back exactly as received
            }

            if (MaskRules.LooksLikeRedaction(value.Reveal()))
            {
                throw Refuse(path, UnsafeUpdateReason.MaskAsNewValue,
                    $"{path} would be sent with a new value that looks like a mask or a redacted preview. "
                    + "Older servers store such a value as the real credential, destroying the secret. "
                    + "Leave the field untouched to keep the stored secret (never copy a mask from a response or from another field), or set the real new value.");
            }
        }
    }

    // A removed alias, or a block removed through RemoveConfig/RemoveMember (even if a new block replaced it), takes its
    // secrets with it on purpose. A dropped block without that intent is refused earlier by CheckMembersKept.
    private static bool IsUnderRemovedContainer(string path, ProviderKey original, ProviderKey edited)
    {
        foreach (var name in original.Aliases.Keys)
        {
            if (path.StartsWith("aliases." + name + ".", StringComparison.Ordinal) && !edited.Aliases.ContainsKey(name))
            {
                return true;
            }
        }

        var dot = path.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && edited.IsRemovalIntended(path[..dot]);
    }

    // Unmodelled members: any string that changed and looks like a mask is refused, at any depth.
    private static void CheckUnknownMembers(string prefix, IDictionary<string, JsonElement>? original, IDictionary<string, JsonElement> edited)
    {
        foreach (var (name, value) in edited)
        {
            JsonElement? before = original is not null && original.TryGetValue(name, out var b) ? b : null;
            ScanForNewMasks(prefix + name, before, value);
        }
    }

    private static void ScanForNewMasks(string path, JsonElement? before, JsonElement after)
    {
        switch (after.ValueKind)
        {
            case JsonValueKind.String:
                var text = after.GetString();
                var unchanged = before is { ValueKind: JsonValueKind.String } b && b.GetString() == text;
                if (!unchanged && MaskRules.LooksLikeRedaction(text))
                {
                    throw Refuse(path, UnsafeUpdateReason.MaskAsNewValue,
                        $"{path} would be sent with a new value that looks like a mask or a redacted preview. "
                        + "The server may store it as the real value. Leave the member untouched or set the real new value.");
                }

                break;
            case JsonValueKind.Object:
                foreach (var property in after.EnumerateObject())
                {
                    JsonElement? inner = before is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(property.Name, out var p) ? p : null;
                    ScanForNewMasks(path + "." + property.Name, inner, property.Value);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in after.EnumerateArray())
                {
                    JsonElement? inner = before is { ValueKind: JsonValueKind.Array } a && index < a.GetArrayLength() ? a[index] : null;
                    ScanForNewMasks($"{path}[{index}]", inner, item);
                    index++;
                }

                break;
            default:
                break;
        }
    }

    private static Dictionary<string, SecretValue?> ToMap(List<SecretField> fields)
    {
        var map = new Dictionary<string, SecretValue?>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            map[field.Path] = field.Value;
        }

        return map;
    }

    private static UnsafeUpdateException Refuse(string path, UnsafeUpdateReason reason, string detail) =>
        new(path, reason, "Refusing to update the key: " + detail);
}

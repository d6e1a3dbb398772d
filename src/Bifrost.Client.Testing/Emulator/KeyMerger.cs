using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bifrost.Client.Testing.Emulator;

/// <summary>
/// Reads a request body and merges it with the stored key into the new raw key, like the chosen server
/// generation (CONTRACT §6). PUT is a full replace: omitted fields take zero values.
/// </summary>
internal sealed class KeyMerger
{
    private readonly ServerContext _server;
    private readonly KeyRedactor _redactor;

    public KeyMerger(ServerContext server, KeyRedactor redactor)
    {
        _server = server;
        _redactor = redactor;
    }

    /// <summary>Builds the raw key to save.</summary>
    /// <param name="body">The request body.</param>
    /// <param name="stored">The stored raw key (update), or <see langword="null"/> (create).</param>
    /// <param name="id">The key id to save under.</param>
    /// <exception cref="InvalidPayloadException">A field has the wrong type.</exception>
    /// <exception cref="ApiErrorException">Gen C: a placeholder with no stored value.</exception>
    public JsonObject Merge(JsonObject body, JsonObject? stored, string id)
    {
        ServerGeneration gen = _server.Generation;
        var result = new JsonObject { ["id"] = id };

        string? name = ReadString(body, "name", "name");
        if (gen == ServerGeneration.C && string.IsNullOrEmpty(name) && stored is not null)
        {
            name = RawJson.Text(stored["name"]); // PR #6417
        }

        result["name"] = name ?? "";
        result["value"] = MergeSecret(KeySchema.Value, "value", body["value"], stored?["value"]) ?? "";
        result["models"] = ReadStringArray(body, "models", "models") ?? [];
        result["blacklisted_models"] = ReadStringArray(body, "blacklisted_models", "blacklisted_models") ?? [];
        result["weight"] = ReadNumber(body, "weight", "weight") ?? 0;

        if (ReadObject(body, "aliases", "aliases") is { Count: > 0 } aliases)
        {
            result["aliases"] = AliasRules.Normalize(aliases, _server.Era);
        }

        foreach (BlockSchema block in KeySchema.Blocks)
        {
            JsonObject? incoming = ReadObject(body, block.Name, block.Name);
            JsonObject? storedBlock = stored?[block.Name] as JsonObject;
            if (incoming is not null)
            {
                result[block.Name] = MergeBlock(block, block.Name, incoming, storedBlock);
            }
            else if (block.KeptWhenOmittedSinceGenB && gen != ServerGeneration.A && storedBlock is not null)
            {
                result[block.Name] = storedBlock.DeepClone();
            }
        }

        result["enabled"] = ReadBool(body, "enabled", "enabled") ?? true;
        result["use_for_batch_api"] = ReadBool(body, "use_for_batch_api", "use_for_batch_api") ?? false;
        if (_server.Era == EmulatorWireEra.SecretVar)
        {
            result["use_anthropic_endpoints"] = ReadBool(body, "use_anthropic_endpoints", "use_anthropic_endpoints") ?? false;
        }

        if (ReadString(body, "description", "description") is { Length: > 0 } description)
        {
            result["description"] = description;
        }

        // config_hash and status are server-managed: the client's values are ignored (§6.4).
        string configHash = RawJson.Text(stored?["config_hash"]);
        if (configHash.Length > 0)
        {
            result["config_hash"] = configHash;
        }

        result["status"] = stored is null ? _server.CreatedKeyStatus : RawJson.Text(stored["status"]);
        return result;
    }

    private JsonObject MergeBlock(BlockSchema schema, string path, JsonObject incoming, JsonObject? stored)
    {
        var result = new JsonObject();
        foreach (FieldSchema field in schema.Fields)
        {
            if (field.EnvVarEraOnly && _server.Era != EmulatorWireEra.EnvVar)
            {
                continue; // newer servers drop the field
            }

            string fieldPath = path + "." + field.Name;
            JsonNode? value = incoming[field.Name];
            switch (field.Kind)
            {
                case FieldKind.Secret:
                    if (MergeSecret(field, fieldPath, value, stored?[field.Name]) is { } secret)
                    {
                        result[field.Name] = secret;
                    }

                    break;
                case FieldKind.Block when field.Nested is not null:
                    if (ReadObject(incoming, field.Name, fieldPath) is { } nested)
                    {
                        result[field.Name] = MergeBlock(field.Nested, fieldPath, nested, stored?[field.Name] as JsonObject);
                    }

                    break;
                case FieldKind.String:
                    if (ReadString(incoming, field.Name, fieldPath) is { } text)
                    {
                        result[field.Name] = text;
                    }

                    break;
                case FieldKind.Bool:
                    if (ReadBool(incoming, field.Name, fieldPath) is true)
                    {
                        result[field.Name] = true;
                    }
                    else if (schema.Name == "replicate_key_config")
                    {
                        result[field.Name] = false;
                    }

                    break;
                case FieldKind.Number:
                    if (ReadNumber(incoming, field.Name, fieldPath) is { } number)
                    {
                        result[field.Name] = number;
                    }

                    break;
                case FieldKind.StringArray:
                    if (ReadStringArray(incoming, field.Name, fieldPath) is { } array)
                    {
                        result[field.Name] = array;
                    }

                    break;
                default:
                    if (ReadObject(incoming, field.Name, fieldPath) is { } obj)
                    {
                        result[field.Name] = obj.DeepClone();
                    }

                    break;
            }
        }

        return result;
    }

    /// <summary>
    /// One secret field (§6.3). Returns the raw text to store, or <see langword="null"/> when the field is
    /// absent from the request (cleared by the full replace).
    /// </summary>
    private string? MergeSecret(FieldSchema field, string path, JsonNode? incomingNode, JsonNode? storedNode)
    {
        IncomingSecret incoming = IncomingSecret.Read(incomingNode, path, _server.Era);
        if (!incoming.IsPresent)
        {
            return null;
        }

        if (incoming.IsReference || !ServerMask.IsPlaceholder(incoming.Text, _server.Era))
        {
            return incoming.Text; // a reference is re-saved; a new literal replaces the secret
        }

        string? stored = RawJson.TextOrNull(storedNode);
        switch (_server.Generation)
        {
            case ServerGeneration.A:
                // Restored only when byte-equal to the current mask of a literal (same env_var/from_env).
                bool exactEcho = stored is not null
                    && !SecretText.IsReference(stored, _server.Era)
                    && string.Equals(incoming.Text, _redactor.Shown(stored, field.Redaction), StringComparison.Ordinal);
                return exactEcho ? stored : incoming.Text;
            case ServerGeneration.B:
                return string.IsNullOrEmpty(stored) ? incoming.Text : stored;
            default:
                if (!string.IsNullOrEmpty(stored))
                {
                    return stored;
                }

                if (field.PlaceholderNeedsStoredValue)
                {
                    throw new ApiErrorException(400, $"masked preview cannot be used for {path} without a stored value");
                }

                return incoming.Text;
        }
    }

    private static string? ReadString(JsonObject obj, string name, string path)
    {
        JsonNode? node = obj[name];
        if (node is null)
        {
            return null;
        }

        return node is JsonValue v && v.GetValueKind() == JsonValueKind.String
            ? v.GetValue<string>()
            : throw TypeError(node, path, "string");
    }

    private static bool? ReadBool(JsonObject obj, string name, string path) => obj[name] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.True => true,
        JsonValue v when v.GetValueKind() == JsonValueKind.False => false,
        { } node => throw TypeError(node, path, "bool"),
    };

    private static JsonNode? ReadNumber(JsonObject obj, string name, string path) => obj[name] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.DeepClone(),
        { } node => throw TypeError(node, path, "float64"),
    };

    private static JsonObject? ReadObject(JsonObject obj, string name, string path) => obj[name] switch
    {
        null => null,
        JsonObject o => o,
        { } node => throw TypeError(node, path, "object"),
    };

    private static JsonArray? ReadStringArray(JsonObject obj, string name, string path)
    {
        switch (obj[name])
        {
            case null:
                return null;
            case JsonArray array:
                var copy = new JsonArray();
                foreach (JsonNode? item in array)
                {
                    // JsonValue.Create(string), not Add<string>: the generic Add needs reflection-based metadata.
                    copy.Add((JsonNode)JsonValue.Create(item is JsonValue v && v.GetValueKind() == JsonValueKind.String
                        ? v.GetValue<string>()
                        : throw TypeError(item, path, "string")));
                }

                return copy;
            case { } node:
                throw TypeError(node, path, "[]string");
        }
    }

    private static InvalidPayloadException TypeError(JsonNode? node, string path, string type) =>
        new($"json: cannot unmarshal {(node?.GetValueKind() ?? JsonValueKind.Null).ToString().ToLowerInvariant()} into Go struct field Key.{path} of type {type}");
}

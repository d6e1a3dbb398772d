using System.Text.Json.Nodes;

namespace Bifrost.Client.Testing.Emulator;

/// <summary>
/// Turns a raw stored key into the masked key the server returns (CONTRACT §2 output rules, §3.2 shapes,
/// §5.1 format, §5.2 which fields are masked per era).
/// </summary>
internal sealed class KeyRedactor
{
    private readonly ServerContext _server;

    public KeyRedactor(ServerContext server) => _server = server;

    /// <summary>The masked Key object of a raw stored key.</summary>
    public JsonObject ToWire(JsonObject raw)
    {
        var wire = new JsonObject
        {
            ["id"] = Str(raw, "id"),
            ["name"] = Str(raw, "name"),
            ["value"] = Secret(KeySchema.Value, raw["value"]),
            ["models"] = StringArray(raw["models"]),
            ["blacklisted_models"] = StringArray(raw["blacklisted_models"]),
            ["weight"] = raw["weight"]?.DeepClone() ?? 0,
        };

        if (raw["aliases"] is JsonObject aliases && aliases.Count > 0)
        {
            wire["aliases"] = Aliases(aliases);
        }

        foreach (BlockSchema block in KeySchema.Blocks)
        {
            if (raw[block.Name] is JsonObject stored)
            {
                wire[block.Name] = Block(block, stored);
            }
        }

        wire["enabled"] = raw["enabled"]?.DeepClone() ?? true;
        wire["use_for_batch_api"] = raw["use_for_batch_api"]?.DeepClone() ?? false;
        if (_server.Era == EmulatorWireEra.SecretVar)
        {
            wire["use_anthropic_endpoints"] = raw["use_anthropic_endpoints"]?.DeepClone() ?? false;
        }

        AddIfNotEmpty(wire, raw, "config_hash");
        AddIfNotEmpty(wire, raw, "status");
        AddIfNotEmpty(wire, raw, "description");
        return wire;
    }

    /// <summary>A <c>GET /api/keys</c> row (CONTRACT §1.2): not a Key, and the value is always emptied.</summary>
    public static JsonObject ToSummaryRow(string provider, JsonObject raw) => new()
    {
        ["id"] = 0,
        ["name"] = Str(raw, "name"),
        ["provider_id"] = 0,
        ["provider"] = provider,
        ["key_id"] = Str(raw, "id"),
        ["value"] = new JsonObject { ["value"] = "" },
        ["weight"] = raw["weight"]?.DeepClone() ?? 0,
        ["created_at"] = "0001-01-01T00:00:00Z",
        ["updated_at"] = "0001-01-01T00:00:00Z",
        ["config_hash"] = Str(raw, "config_hash"),
        ["status"] = "",
        ["models"] = StringArray(raw["models"]),
        ["blacklisted_models"] = StringArray(raw["blacklisted_models"]),
    };

    private JsonObject Block(BlockSchema schema, JsonObject stored)
    {
        var wire = new JsonObject();
        foreach (FieldSchema field in schema.Fields)
        {
            if (field.EnvVarEraOnly && _server.Era != EmulatorWireEra.EnvVar)
            {
                continue;
            }

            JsonNode? value = stored[field.Name];
            if (field.Kind == FieldKind.Secret && (value is not null || field.AlwaysEmitted))
            {
                wire[field.Name] = Secret(field, value);
            }
            else if (field.Kind == FieldKind.Block && value is JsonObject nested && field.Nested is not null)
            {
                wire[field.Name] = Block(field.Nested, nested);
            }
            else if (field.Kind == FieldKind.Bool && value is null)
            {
                // replicate's use_deployments_endpoint is always emitted; force_single_region is omitted when false.
                if (schema.Name == "replicate_key_config")
                {
                    wire[field.Name] = false;
                }
            }
            else if (value is not null)
            {
                wire[field.Name] = value.DeepClone();
            }
        }

        return wire;
    }

    private JsonObject Aliases(JsonObject aliases)
    {
        var wire = new JsonObject();
        foreach ((string source, JsonNode? target) in aliases)
        {
            if (target is JsonObject obj)
            {
                var copy = new JsonObject();
                foreach ((string name, JsonNode? v) in obj)
                {
                    copy[name] = KeySchema.AliasSecretFields.Contains(name) && v is JsonValue
                        ? AliasSecret(RawJson.Text(v))
                        : v?.DeepClone();
                }

                wire[source] = copy;
            }
            else
            {
                wire[source] = target?.DeepClone();
            }
        }

        return wire;
    }

    /// <summary>Alias secrets: literals verbatim, references masked (newer builds).</summary>
    private JsonObject AliasSecret(string text) =>
        Shape(text, SecretText.IsReference(text, _server.Era) ? Shown(text, SecretRedaction.Masked) : text);

    /// <summary>The output object of one secret field in the server's era.</summary>
    public JsonObject Secret(FieldSchema field, JsonNode? stored)
    {
        string text = RawJson.Text(stored);
        return Shape(text, Shown(text, field.Redaction));
    }

    /// <summary>The <c>value</c> shown for a raw secret: the mask, the verbatim literal, or <c>""</c> when unresolvable.</summary>
    public string Shown(string text, SecretRedaction redaction)
    {
        if (SecretText.IsReference(text, _server.Era))
        {
            string? resolved = _server.Resolve(text);
            return resolved is null ? "" : ServerMask.Redact(resolved);
        }

        bool verbatim = redaction switch
        {
            SecretRedaction.Plain => true,
            SecretRedaction.VerbatimLiteralInSecretVarEra => _server.Era == EmulatorWireEra.SecretVar,
            SecretRedaction.VerbatimLiteralInNewerBuilds => _server.Era == EmulatorWireEra.SecretVar && !_server.MaskLiteralRegionsAndUrls,
            _ => false,
        };
        return verbatim ? text : ServerMask.Redact(text);
    }

    private JsonObject Shape(string text, string shown)
    {
        bool isReference = SecretText.IsReference(text, _server.Era);
        if (_server.Era == EmulatorWireEra.EnvVar)
        {
            return new JsonObject
            {
                ["value"] = shown,
                ["env_var"] = isReference ? text : "",
                ["from_env"] = isReference,
            };
        }

        return isReference
            ? new JsonObject { ["value"] = shown, ["ref"] = text, ["type"] = SecretText.ReferenceType(text) }
            : new JsonObject { ["value"] = shown, ["type"] = "plain_text" };
    }

    private static string Str(JsonObject raw, string name) => RawJson.Text(raw[name]);

    private static JsonArray StringArray(JsonNode? node) =>
        node is JsonArray array ? (JsonArray)array.DeepClone() : [];

    private static void AddIfNotEmpty(JsonObject wire, JsonObject raw, string name)
    {
        if (raw[name] is JsonValue v && RawJson.Text(v).Length > 0)
        {
            wire[name] = v.DeepClone();
        }
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bifrost.Client.Testing.Emulator;

/// <summary>
/// Reading and validating <c>aliases</c> (CONTRACT §4.3): a source model maps to a string or an object with a
/// required <c>model_id</c>; an object with only <c>model_id</c> is written back as a plain string.
/// </summary>
internal static class AliasRules
{
    private static readonly HashSet<string> ModelFamilies = new(
        ["anthropic", "openai", "mistral", "cohere", "gemini", "gemma", "llama", "imagen", "veo", "nova", "titan"],
        StringComparer.Ordinal);

    private static readonly Dictionary<string, FieldKind> Fields = new(StringComparer.Ordinal)
    {
        ["model_id"] = FieldKind.String,
        ["model_name"] = FieldKind.String,
        ["description"] = FieldKind.String,
        ["model_family"] = FieldKind.String,
        ["region"] = FieldKind.Secret,
        ["project_id"] = FieldKind.Secret,
        ["use_anthropic_endpoints"] = FieldKind.Bool,
        ["api_version"] = FieldKind.String,
        ["anthropic_version"] = FieldKind.String,
        ["endpoint"] = FieldKind.Secret,
        ["project_number"] = FieldKind.Secret,
        ["force_single_region"] = FieldKind.Bool,
        ["inference_profile_arn"] = FieldKind.Secret,
        ["use_deployments_endpoint"] = FieldKind.Bool,
    };

    /// <summary>Provider sub-fields: the field, the base provider it belongs to, and the names used in messages.</summary>
    private static readonly (string Field, string Provider, string Word, string Title)[] SubFields =
    [
        ("api_version", "azure", "azure", "Azure"),
        ("anthropic_version", "azure", "azure", "Azure"),
        ("endpoint", "azure", "azure", "Azure"),
        ("project_number", "vertex", "vertex", "Vertex"),
        ("force_single_region", "vertex", "vertex", "Vertex"),
        ("inference_profile_arn", "bedrock", "bedrock", "Bedrock"),
        ("use_deployments_endpoint", "replicate", "replicate", "Replicate"),
    ];

    /// <summary>Reads the aliases of a request into raw form (secrets in input form; unknown members dropped).</summary>
    /// <exception cref="InvalidPayloadException">A member has the wrong type.</exception>
    public static JsonObject Normalize(JsonObject aliases, EmulatorWireEra era)
    {
        var result = new JsonObject();
        foreach ((string source, JsonNode? target) in aliases)
        {
            string path = "aliases." + source;
            switch (target)
            {
                case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                    result[source] = v.GetValue<string>();
                    break;
                case JsonObject obj:
                    result[source] = NormalizeObject(obj, path, era);
                    break;
                default:
                    throw new InvalidPayloadException($"json: cannot unmarshal {(target?.GetValueKind() ?? JsonValueKind.Null).ToString().ToLowerInvariant()} into Go struct field Key.{path} of type alias");
            }
        }

        return result;
    }

    private static JsonNode NormalizeObject(JsonObject obj, string path, EmulatorWireEra era)
    {
        var copy = new JsonObject();
        foreach ((string name, JsonNode? value) in obj)
        {
            if (value is null || !Fields.TryGetValue(name, out FieldKind kind))
            {
                continue;
            }

            string fieldPath = path + "." + name;
            switch (kind)
            {
                case FieldKind.Secret:
                    IncomingSecret secret = IncomingSecret.Read(value, fieldPath, era);
                    if (secret.IsPresent && secret.Text.Length > 0)
                    {
                        copy[name] = secret.Text;
                    }

                    break;
                case FieldKind.Bool when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                    if (value.GetValueKind() == JsonValueKind.True)
                    {
                        copy[name] = true;
                    }

                    break;
                case FieldKind.String when value.GetValueKind() == JsonValueKind.String:
                    if (value.GetValue<string>().Length > 0)
                    {
                        copy[name] = value.GetValue<string>();
                    }

                    break;
                default:
                    throw new InvalidPayloadException($"json: cannot unmarshal {value.GetValueKind().ToString().ToLowerInvariant()} into Go struct field Key.{fieldPath}");
            }
        }

        // The server writes an alias back as a plain string when only model_id is set.
        return copy.Count == 1 && copy["model_id"] is JsonValue id ? id.GetValue<string>() : copy;
    }

    /// <summary>The first rule the aliases break, or <see langword="null"/> (message without the <c>Invalid aliases: </c> prefix).</summary>
    public static string? FindError(JsonObject aliases, string baseProvider)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach ((string source, JsonNode? target) in aliases)
        {
            if (source.Trim().Length == 0)
            {
                return "alias source must not be empty";
            }

            if (source.Trim().Length != source.Length)
            {
                return $"alias source \"{source}\" must not have leading or trailing whitespace";
            }

            if (!seen.Add(source))
            {
                return $"duplicate alias source \"{source}\" (sources are compared case-insensitively)";
            }

            string? error = target is JsonObject obj ? FindObjectError(source, obj, baseProvider) : FindModelIdError(source, RawJson.Text(target));
            if (error is not null)
            {
                return error;
            }
        }

        return null;
    }

    private static string? FindObjectError(string source, JsonObject obj, string baseProvider)
    {
        if (FindModelIdError(source, RawJson.Text(obj["model_id"])) is { } idError)
        {
            return idError;
        }

        if (obj["model_family"] is { } family && !ModelFamilies.Contains(RawJson.Text(family)))
        {
            return $"alias \"{source}\": unknown model_family \"{RawJson.Text(family)}\"";
        }

        foreach ((string field, string provider, string word, string title) in SubFields)
        {
            if (obj[field] is not null && !string.Equals(provider, baseProvider, StringComparison.Ordinal))
            {
                return $"alias \"{source}\": {word} sub-config is only valid on {title} keys (got provider \"{baseProvider}\")";
            }
        }

        return null;
    }

    private static string? FindModelIdError(string source, string modelId)
    {
        if (modelId.Trim().Length == 0)
        {
            return $"alias \"{source}\": model_id is required";
        }

        return modelId.Trim().Length != modelId.Length
            ? $"alias \"{source}\": model_id must not have leading or trailing whitespace"
            : null;
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bifrost.Client.Testing.Emulator;

/// <summary>
/// A secret as it arrives in a request body, read the way the server's unmarshaller reads it (CONTRACT §3.1).
/// </summary>
internal readonly struct IncomingSecret
{
    private IncomingSecret(bool isPresent, string text, bool isReference)
    {
        IsPresent = isPresent;
        Text = text;
        IsReference = isReference;
    }

    /// <summary>The field was present and not <c>null</c>.</summary>
    public bool IsPresent { get; }

    /// <summary>The secret in input form: a literal, or <c>env.X</c>/<c>vault.x</c>.</summary>
    public string Text { get; }

    /// <summary>The secret is an env or vault reference.</summary>
    public bool IsReference { get; }

    public static IncomingSecret Absent { get; } = new(false, "", false);

    /// <summary>Reads one secret field (string, object of either era, or null).</summary>
    /// <exception cref="InvalidPayloadException">The node has a type a secret cannot have.</exception>
    public static IncomingSecret Read(JsonNode? node, string path, EmulatorWireEra era)
    {
        switch (node)
        {
            case null:
                return Absent;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                return FromString(value.GetValue<string>(), era);
            case JsonObject obj:
                return FromObject(obj, path, era);
            default:
                throw new InvalidPayloadException($"cannot unmarshal {node.GetValueKind().ToString().ToLowerInvariant()} into field {path} of type secret");
        }
    }

    private static IncomingSecret FromString(string text, EmulatorWireEra era) =>
        new(true, text, SecretText.IsReference(text, era));

    private static IncomingSecret FromObject(JsonObject obj, string path, EmulatorWireEra era)
    {
        string value = ReadString(obj, "value", path);
        string envVar = ReadString(obj, "env_var", path);
        bool fromEnv = ReadBool(obj, "from_env", path);

        if (era == EmulatorWireEra.SecretVar)
        {
            string reference = ReadString(obj, "ref", path);
            string type = ReadString(obj, "type", path);
            if (reference.Length > 0 && type.Length == 0)
            {
                // A missing type is inferred from the ref prefix (§3.1 shape 2).
                type = reference.StartsWith(SecretText.VaultPrefix, StringComparison.Ordinal) ? "vault"
                    : reference.StartsWith(SecretText.EnvPrefix, StringComparison.Ordinal) ? "env" : "plain_text";
            }

            if (reference.Length > 0 && type is "env" or "vault")
            {
                string prefix = type == "env" ? SecretText.EnvPrefix : SecretText.VaultPrefix;
                string text = reference.StartsWith(prefix, StringComparison.Ordinal) ? reference : prefix + reference;
                return new IncomingSecret(true, text, true);
            }
        }

        // Legacy object (§3.1 shape 3): env_var gets the env. prefix added when missing.
        if (fromEnv && envVar.Length > 0)
        {
            string text = envVar.StartsWith(SecretText.EnvPrefix, StringComparison.Ordinal) ? envVar : SecretText.EnvPrefix + envVar;
            return new IncomingSecret(true, text, true);
        }

        return FromString(value, era);
    }

    private static string ReadString(JsonObject obj, string name, string path)
    {
        JsonNode? node = obj[name];
        if (node is null)
        {
            return "";
        }

        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            return v.GetValue<string>();
        }

        throw new InvalidPayloadException($"cannot unmarshal {node.GetValueKind().ToString().ToLowerInvariant()} into field {path}.{name} of type string");
    }

    private static bool ReadBool(JsonObject obj, string name, string path)
    {
        JsonNode? node = obj[name];
        return node switch
        {
            null => false,
            JsonValue v when v.GetValueKind() == JsonValueKind.True => true,
            JsonValue v when v.GetValueKind() == JsonValueKind.False => false,
            _ => throw new InvalidPayloadException($"cannot unmarshal {node.GetValueKind().ToString().ToLowerInvariant()} into field {path}.{name} of type bool"),
        };
    }
}

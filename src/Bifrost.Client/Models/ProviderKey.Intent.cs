using System.Text.Json.Serialization;

namespace Bifrost.Client;

/// <summary>Explicit, recorded intents for edits the safe-update guard would otherwise refuse as accidental.</summary>
public sealed partial class ProviderKey
{
    // Recorded intents live only on this instance: they are never serialized and never copied by Clone().
    private HashSet<string>? _intendedRemovals;
    private bool _denyAllModelsIntended;

    /// <summary>
    /// Empties <see cref="Models"/> and records that the key is meant to serve no model at all ("deny all").
    /// Without this call the safe-update helper refuses an edit that empties the model list, because the server
    /// reads an empty list as deny all and the key stops serving traffic.
    /// </summary>
    public void DenyAllModels()
    {
        Models = new List<string>();
        _denyAllModelsIntended = true;
    }

    /// <summary>
    /// Removes the modelled configuration block (<see cref="Config"/>) and records that the removal is intended.
    /// Does nothing when the key has no modelled block. The stored block and its secrets are wiped on update.
    /// </summary>
    public void RemoveConfig()
    {
        if (Config is { } block)
        {
            RemoveMember(block.WireName);
        }
    }

    /// <summary>
    /// Removes a configuration block or any other member by its wire name (for example <c>azure_key_config</c>, or an
    /// unmodelled <c>databricks_key_config</c> kept in <see cref="AdditionalProperties"/>) and records that the removal is
    /// intended. The stored member, with every secret in it, is wiped on update.
    /// </summary>
    /// <param name="wireName">The member's name on the wire.</param>
    /// <exception cref="ArgumentException"><paramref name="wireName"/> is null, empty or white space.</exception>
    public void RemoveMember(string wireName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(wireName);
        switch (wireName)
        {
            case "azure_key_config": AzureKeyConfigWire = null; break;
            case "vertex_key_config": VertexKeyConfigWire = null; break;
            case "bedrock_key_config": BedrockKeyConfigWire = null; break;
            case "bedrock_mantle_key_config": BedrockMantleKeyConfigWire = null; break;
            case "vllm_key_config": VllmKeyConfigWire = null; break;
            case "ollama_key_config": OllamaKeyConfigWire = null; break;
            case "sgl_key_config": SglKeyConfigWire = null; break;
            case "replicate_key_config": ReplicateKeyConfigWire = null; break;
            default: AdditionalProperties.Remove(wireName); break;
        }

        (_intendedRemovals ??= new HashSet<string>(StringComparer.Ordinal)).Add(wireName);
    }

    /// <summary>True when <see cref="DenyAllModels"/> was called on this instance.</summary>
    [JsonIgnore]
    internal bool IsDenyAllModelsIntended => _denyAllModelsIntended;

    /// <summary>True when <see cref="RemoveMember(string)"/> or <see cref="RemoveConfig()"/> removed <paramref name="wireName"/> on this instance.</summary>
    internal bool IsRemovalIntended(string wireName) => _intendedRemovals?.Contains(wireName) == true;

    /// <summary>Top-level member names of every modelled configuration block the key carries.</summary>
    internal IEnumerable<string> ConfigBlockNames => ConfigBlocks.Select(b => b.WireName);
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bifrost.Client;

/// <summary>
/// The provider-specific configuration of a key: one of <see cref="AzureKeyConfig"/>, <see cref="VertexKeyConfig"/>,
/// <see cref="BedrockKeyConfig"/>, <see cref="BedrockMantleKeyConfig"/>, <see cref="VllmKeyConfig"/>,
/// <see cref="OllamaKeyConfig"/>, <see cref="SglKeyConfig"/> or <see cref="ReplicateKeyConfig"/>.
/// </summary>
/// <remarks>
/// On the wire each kind is its own member of the key (<c>azure_key_config</c>, …). Blocks the SDK does not model
/// (<c>databricks_key_config</c>, <c>oauth_key_config</c>, …) stay in <see cref="ProviderKey.AdditionalProperties"/>
/// and are written back unchanged.
/// </remarks>
public abstract class ProviderKeyConfig
{
    private protected ProviderKeyConfig(string wireName)
    {
        WireName = wireName;
    }

    /// <summary>The name of this block on the wire, for example <c>azure_key_config</c>.</summary>
    [JsonIgnore]
    public string WireName { get; }

    /// <summary>Members of this block that the SDK does not model. They are written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement> AdditionalProperties { get; set; } = new Dictionary<string, JsonElement>();

    /// <summary>Lists the secret-bearing fields of this block with their wire paths, present or not.</summary>
    internal abstract void CollectSecrets(string prefix, ICollection<SecretField> into);

    /// <summary>Describes the block by kind only; secrets are never printed.</summary>
    public override string ToString() => WireName;
}

/// <summary>A secret-bearing field of a key, named by its wire path (for example <c>azure_key_config.endpoint</c>).</summary>
internal readonly record struct SecretField(string Path, SecretValue? Value)
{
    public override string ToString() => $"{Path}: {Value?.ToString() ?? "(absent)"}";
}

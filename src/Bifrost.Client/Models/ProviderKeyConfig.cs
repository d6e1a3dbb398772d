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

    /// <summary>The secret-bearing fields of this block: the one table that listing, checking and rotating them read.</summary>
    internal abstract IReadOnlyList<SecretSlot> SecretSlots { get; }

    /// <summary>Lists the secret-bearing fields of this block with their wire paths, present or not.</summary>
    internal virtual void CollectSecrets(string prefix, ICollection<SecretField> into)
    {
        foreach (var slot in SecretSlots)
        {
            into.Add(new(prefix + slot.Name, slot.Get(this)));
        }
    }

    /// <summary>Describes the block by kind only; secrets are never printed.</summary>
    public override string ToString() => WireName;
}

/// <summary>A secret-bearing field of a key, named by its wire path (for example <c>azure_key_config.endpoint</c>).</summary>
internal readonly record struct SecretField(string Path, SecretValue? Value)
{
    public override string ToString() => $"{Path}: {Value?.ToString() ?? "(absent)"}";
}

/// <summary>
/// One secret-bearing field of a block: its wire name, how to read and set it, and whether
/// <see cref="KeyEdits.RotateSecret(string, SecretValue)"/> may set it by path.
/// </summary>
internal sealed class SecretSlot
{
    private readonly Func<object, SecretValue?> _get;
    private readonly Action<object, SecretValue?> _set;

    private SecretSlot(string name, Func<object, SecretValue?> get, Action<object, SecretValue?> set, bool rotatable)
    {
        Name = name;
        _get = get;
        _set = set;
        Rotatable = rotatable;
    }

    /// <summary>The field's name on the wire, for example <c>client_secret</c>.</summary>
    public string Name { get; }

    /// <summary>Whether a rotation by path may set it.</summary>
    public bool Rotatable { get; }

    /// <summary>A slot of block type <typeparamref name="T"/>.</summary>
    public static SecretSlot For<T>(string name, Func<T, SecretValue?> get, Action<T, SecretValue?> set, bool rotatable = true)
        where T : class =>
        new(name, block => get((T)block), (block, value) => set((T)block, value), rotatable);

    /// <summary>The field's value in <paramref name="block"/>.</summary>
    public SecretValue? Get(object block) => _get(block);

    /// <summary>Sets the field in <paramref name="block"/>.</summary>
    public void Set(object block, SecretValue? value) => _set(block, value);
}

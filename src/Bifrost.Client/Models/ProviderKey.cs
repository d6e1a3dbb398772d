using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bifrost.Client;

/// <summary>
/// A provider key stored in Bifrost: a credential the gateway routes traffic with, its model rules, weight,
/// aliases and provider configuration (CONTRACT §2).
/// </summary>
/// <remarks>
/// <para>
/// Designed for editing in place: read a key, change <see cref="Weight"/>, add to <see cref="Models"/>, replace one
/// secret, and send it back. Everything the SDK does not model, including unknown configuration blocks, is kept in
/// <see cref="AdditionalProperties"/> and written back unchanged, because an update replaces the whole key.
/// </para>
/// <para><see cref="ToString"/> prints the id, name and kind of key, never a secret.</para>
/// </remarks>
[DebuggerDisplay("{ToString(),nq}")]
public sealed partial class ProviderKey : IJsonOnDeserializing
{
    private IList<string> _models = new List<string>();
    private IList<string> _blacklistedModels = new List<string>();
    private IDictionary<string, ModelAlias> _aliases = new Dictionary<string, ModelAlias>();

    // A key read without "models" / "blacklisted_models" is written without them while they stay empty, so an
    // untouched key is echoed as received. Keys made in code always send both (CONTRACT §2: "always send it").
    private bool _modelsOnWire = true;
    private bool _blacklistedModelsOnWire = true;

    // Empty aliases are omitted (the server omits them too), unless the JSON read had an explicit {}.
    private bool _aliasesOnWire;

    /// <summary>The key's id (a UUID). Leave it empty on create to let the server (or the client) assign one; the path id wins on update.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>The key's name, unique across all providers. Always sent on update.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The API key itself. Masked in every server response.</summary>
    [JsonPropertyName("value")]
    public SecretValue? Value { get; set; }

    /// <summary>
    /// Models this key may serve: empty means none, <c>["*"]</c> means all. Never null: a missing or <c>null</c>
    /// <c>models</c> reads as empty (which the server also reads as "deny all").
    /// </summary>
    [JsonIgnore]
    public IList<string> Models
    {
        get => _models;
        set
        {
            _models = value ?? new List<string>();
            _modelsOnWire = true;
        }
    }

    /// <summary>
    /// Models this key must never serve; wins over <see cref="Models"/>. <c>["*"]</c> blocks all. Never null: a
    /// missing or <c>null</c> <c>blacklisted_models</c> reads as empty.
    /// </summary>
    [JsonIgnore]
    public IList<string> BlacklistedModels
    {
        get => _blacklistedModels;
        set
        {
            _blacklistedModels = value ?? new List<string>();
            _blacklistedModelsOnWire = true;
        }
    }

    /// <summary>Model name to provider model or deployment. Never null; omitted on the wire when empty.</summary>
    [JsonIgnore]
    public IDictionary<string, ModelAlias> Aliases
    {
        get => _aliases;
        set
        {
            _aliases = value ?? new Dictionary<string, ModelAlias>();
            _aliasesOnWire = false;
        }
    }

    /// <summary>
    /// The provider configuration block, or <see langword="null"/> for providers that have none (OpenAI, Anthropic, …).
    /// Setting it replaces any modelled block the key had.
    /// </summary>
    [JsonIgnore]
    public ProviderKeyConfig? Config
    {
        get => (ProviderKeyConfig?)AzureKeyConfigWire ?? (ProviderKeyConfig?)VertexKeyConfigWire ?? (ProviderKeyConfig?)BedrockKeyConfigWire
            ?? (ProviderKeyConfig?)BedrockMantleKeyConfigWire ?? (ProviderKeyConfig?)VllmKeyConfigWire ?? (ProviderKeyConfig?)OllamaKeyConfigWire
            ?? (ProviderKeyConfig?)SglKeyConfigWire ?? ReplicateKeyConfigWire;
        set
        {
            AzureKeyConfigWire = value as AzureKeyConfig;
            VertexKeyConfigWire = value as VertexKeyConfig;
            BedrockKeyConfigWire = value as BedrockKeyConfig;
            BedrockMantleKeyConfigWire = value as BedrockMantleKeyConfig;
            VllmKeyConfigWire = value as VllmKeyConfig;
            OllamaKeyConfigWire = value as OllamaKeyConfig;
            SglKeyConfigWire = value as SglKeyConfig;
            ReplicateKeyConfigWire = value as ReplicateKeyConfig;
        }
    }

    [JsonPropertyName("models")]
    [JsonInclude]
    internal IList<string>? ModelsWire
    {
        get => _modelsOnWire || _models.Count > 0 ? _models : null;
        set => Models = value!;
    }

    [JsonPropertyName("blacklisted_models")]
    [JsonInclude]
    internal IList<string>? BlacklistedModelsWire
    {
        get => _blacklistedModelsOnWire || _blacklistedModels.Count > 0 ? _blacklistedModels : null;
        set => BlacklistedModels = value!;
    }

    /// <summary>Load-balancing weight. The server stores 0 when it is omitted; the official UI uses 0 to 1 and defaults to 1.</summary>
    [JsonPropertyName("weight")]
    public double? Weight { get; set; }

    // The server omits empty aliases and treats absent as empty (CONTRACT §2).
    [JsonPropertyName("aliases")]
    [JsonInclude]
    internal IDictionary<string, ModelAlias>? AliasesWire
    {
        get => _aliasesOnWire || _aliases.Count > 0 ? _aliases : null;
        set
        {
            _aliases = value ?? new Dictionary<string, ModelAlias>();
            _aliasesOnWire = value is not null;
        }
    }

    [JsonPropertyName("azure_key_config")]
    [JsonInclude]
    internal AzureKeyConfig? AzureKeyConfigWire { get; set; }

    [JsonPropertyName("vertex_key_config")]
    [JsonInclude]
    internal VertexKeyConfig? VertexKeyConfigWire { get; set; }

    [JsonPropertyName("bedrock_key_config")]
    [JsonInclude]
    internal BedrockKeyConfig? BedrockKeyConfigWire { get; set; }

    [JsonPropertyName("bedrock_mantle_key_config")]
    [JsonInclude]
    internal BedrockMantleKeyConfig? BedrockMantleKeyConfigWire { get; set; }

    [JsonPropertyName("vllm_key_config")]
    [JsonInclude]
    internal VllmKeyConfig? VllmKeyConfigWire { get; set; }

    [JsonPropertyName("ollama_key_config")]
    [JsonInclude]
    internal OllamaKeyConfig? OllamaKeyConfigWire { get; set; }

    [JsonPropertyName("sgl_key_config")]
    [JsonInclude]
    internal SglKeyConfig? SglKeyConfigWire { get; set; }

    [JsonPropertyName("replicate_key_config")]
    [JsonInclude]
    internal ReplicateKeyConfig? ReplicateKeyConfigWire { get; set; }

    /// <summary>Whether the key serves traffic. The server stores <see langword="true"/> when it is omitted.</summary>
    [JsonPropertyName("enabled")]
    public bool? Enabled { get; set; }

    /// <summary>Whether the key is used for batch API calls.</summary>
    [JsonPropertyName("use_for_batch_api")]
    public bool? UseForBatchApi { get; set; }

    /// <summary>Whether the key calls Anthropic-compatible endpoints (newest servers).</summary>
    [JsonPropertyName("use_anthropic_endpoints")]
    public bool? UseAnthropicEndpoints { get; set; }

    /// <summary>Server-managed hash of the key as declared in <c>config.json</c>; empty for keys created through the API. Read-only.</summary>
    [JsonPropertyName("config_hash")]
    [JsonInclude]
    public string? ConfigHash { get; internal set; }

    /// <summary>Server-managed model-discovery status: <c>unknown</c>, <c>success</c> or <c>list_models_failed</c>. Read-only.</summary>
    [JsonPropertyName("status")]
    [JsonInclude]
    public string? Status { get; internal set; }

    /// <summary>Message from model discovery, such as an error text. Echoed back on update.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; set; }

    /// <summary>Members the SDK does not model (including unmodelled configuration blocks); written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement> AdditionalProperties { get; set; } = new Dictionary<string, JsonElement>();

    /// <summary>Called by the serializer before it reads a key: members the JSON lacks stay absent when written back.</summary>
    void IJsonOnDeserializing.OnDeserializing()
    {
        _modelsOnWire = false;
        _blacklistedModelsOnWire = false;
        _aliasesOnWire = false;
    }

    /// <summary>Every modelled configuration block the key carries (normally zero or one).</summary>
    internal IEnumerable<ProviderKeyConfig> ConfigBlocks
    {
        get
        {
            if (AzureKeyConfigWire is not null) yield return AzureKeyConfigWire;
            if (VertexKeyConfigWire is not null) yield return VertexKeyConfigWire;
            if (BedrockKeyConfigWire is not null) yield return BedrockKeyConfigWire;
            if (BedrockMantleKeyConfigWire is not null) yield return BedrockMantleKeyConfigWire;
            if (VllmKeyConfigWire is not null) yield return VllmKeyConfigWire;
            if (OllamaKeyConfigWire is not null) yield return OllamaKeyConfigWire;
            if (SglKeyConfigWire is not null) yield return SglKeyConfigWire;
            if (ReplicateKeyConfigWire is not null) yield return ReplicateKeyConfigWire;
        }
    }

    /// <summary>Lists every secret-bearing field of the key with its wire path, present or not.</summary>
    internal List<SecretField> CollectSecrets()
    {
        var list = new List<SecretField> { new("value", Value) };
        foreach (var block in ConfigBlocks)
        {
            block.CollectSecrets(block.WireName + ".", list);
        }

        foreach (var (name, alias) in Aliases)
        {
            alias.CollectSecrets("aliases." + name + ".", list);
        }

        return list;
    }

    /// <summary>Returns a deep copy of this key. Secrets are shared (they are immutable).</summary>
    public ProviderKey Clone()
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(this, Serialization.BifrostJsonContext.Default.ProviderKey);
        return JsonSerializer.Deserialize(bytes, Serialization.BifrostJsonContext.Default.ProviderKey)!;
    }

    /// <summary>Describes the key by id, name and configuration kind; never prints a secret.</summary>
    public override string ToString()
    {
        var config = Config is { } c ? $", {c.WireName}" : string.Empty;
        return $"ProviderKey {{ Id = {Id ?? "(none)"}, Name = {Name ?? "(none)"}{config} }}";
    }
}

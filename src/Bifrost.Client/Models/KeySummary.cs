using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bifrost.Client;

/// <summary>
/// One row of <c>GET /api/keys</c> (CONTRACT §1.2): a projection of the database row, not a <see cref="ProviderKey"/>.
/// Use <see cref="KeyId"/> (not the row's numeric <c>id</c>, always 0) as the key id in other calls.
/// </summary>
public sealed class KeySummary
{
    private IList<string> _models = new List<string>();
    private IList<string> _blacklistedModels = new List<string>();

    /// <summary>The key's UUID (<c>key_id</c>): the id to use in other calls.</summary>
    [JsonPropertyName("key_id")]
    public string? KeyId { get; set; }

    /// <summary>The key's name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The provider the key belongs to.</summary>
    [JsonPropertyName("provider")]
    public string? Provider { get; set; }

    /// <summary>The value as the server sends it in this listing: emptied, never usable.</summary>
    [JsonPropertyName("value")]
    public SecretValue? Value { get; set; }

    /// <summary>Load-balancing weight.</summary>
    [JsonPropertyName("weight")]
    public double? Weight { get; set; }

    /// <summary>Creation time; the zero time on current servers.</summary>
    [JsonPropertyName("created_at")]
    public DateTime? CreatedAt { get; set; }

    /// <summary>Update time; the zero time on current servers.</summary>
    [JsonPropertyName("updated_at")]
    public DateTime? UpdatedAt { get; set; }

    /// <summary>Hash of the key as declared in <c>config.json</c>, or empty.</summary>
    [JsonPropertyName("config_hash")]
    public string? ConfigHash { get; set; }

    /// <summary>Discovery status; empty in this listing on current servers.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    /// <summary>Models the key may serve. Never null.</summary>
    [JsonPropertyName("models")]
    public IList<string> Models { get => _models; set => _models = value ?? new List<string>(); }

    /// <summary>Models the key must not serve. Never null (a <c>null</c> reads as empty).</summary>
    [JsonPropertyName("blacklisted_models")]
    public IList<string> BlacklistedModels { get => _blacklistedModels; set => _blacklistedModels = value ?? new List<string>(); }

    /// <summary>
    /// Members the SDK does not model, kept as received: the row's numeric <c>id</c> and <c>provider_id</c> (always 0),
    /// and any column a server adds.
    /// </summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement> AdditionalProperties { get; set; } = new Dictionary<string, JsonElement>();

    /// <summary>Prints provider, key id and name; never a secret.</summary>
    public override string ToString() => $"KeySummary {{ Provider = {Provider}, KeyId = {KeyId}, Name = {Name} }}";
}

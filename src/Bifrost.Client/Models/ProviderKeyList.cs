using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bifrost.Client;

/// <summary>The keys of one provider: the body of <c>GET /api/providers/{provider}/keys</c> (<c>{keys, total}</c>).</summary>
public sealed class ProviderKeyList
{
    private IList<ProviderKey> _keys = new List<ProviderKey>();

    /// <summary>The keys. Never null and without null entries: a server's <c>"keys": null</c> reads as empty (CONTRACT §1.1) and a <c>null</c> entry is dropped.</summary>
    [JsonPropertyName("keys")]
    public IList<ProviderKey> Keys
    {
        get => _keys;
        set => _keys = value is null ? new List<ProviderKey>() : value.Contains(null!) ? value.Where(k => k is not null).ToList() : value;
    }

    /// <summary>The number of keys, as the server counted them.</summary>
    [JsonPropertyName("total")]
    public int Total { get; set; }

    /// <summary>Members the SDK does not model; kept.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement> AdditionalProperties { get; set; } = new Dictionary<string, JsonElement>();

    /// <summary>Prints the count only.</summary>
    public override string ToString() => $"ProviderKeyList {{ Total = {Total}, Keys = {Keys.Count} }}";
}

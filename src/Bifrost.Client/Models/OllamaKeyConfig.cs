using System.Text.Json.Serialization;

namespace Bifrost.Client;

/// <summary>Configuration of an Ollama key (<c>ollama_key_config</c>, CONTRACT §4.1).</summary>
public sealed class OllamaKeyConfig : ProviderKeyConfig
{
    /// <summary>Creates an empty <c>ollama_key_config</c> block.</summary>
    public OllamaKeyConfig()
        : base("ollama_key_config")
    {
    }

    /// <summary>The server URL. Required by every server generation.</summary>
    [JsonPropertyName("url")]
    public SecretValue? Url { get; set; }

    /// <summary>The secret-bearing fields of the block.</summary>
    internal static readonly IReadOnlyList<SecretSlot> Slots =
    [
        SecretSlot.For<OllamaKeyConfig>("url", b => b.Url, (b, v) => b.Url = v),
    ];

    internal override IReadOnlyList<SecretSlot> SecretSlots => Slots;
}

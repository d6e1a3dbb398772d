using System.Text.Json.Serialization;

namespace Bifrost.Client;

/// <summary>Configuration of a vLLM key (<c>vllm_key_config</c>, CONTRACT §4.1).</summary>
public sealed class VllmKeyConfig : ProviderKeyConfig
{
    /// <summary>Creates an empty <c>vllm_key_config</c> block.</summary>
    public VllmKeyConfig()
        : base("vllm_key_config")
    {
    }

    /// <summary>The server URL. Required by newer servers.</summary>
    [JsonPropertyName("url")]
    public SecretValue? Url { get; set; }

    /// <summary>The model the server serves. Required by newer servers.</summary>
    [JsonPropertyName("model_name")]
    public string? ModelName { get; set; }

    /// <summary>The secret-bearing fields of the block.</summary>
    internal static readonly IReadOnlyList<SecretSlot> Slots =
    [
        SecretSlot.For<VllmKeyConfig>("url", b => b.Url, (b, v) => b.Url = v),
    ];

    internal override IReadOnlyList<SecretSlot> SecretSlots => Slots;
}

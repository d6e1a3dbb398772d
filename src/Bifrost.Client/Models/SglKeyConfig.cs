using System.Text.Json.Serialization;

namespace Bifrost.Client;

/// <summary>Configuration of an SGLang key (<c>sgl_key_config</c>, CONTRACT §4.1; provider name <c>sgl</c>).</summary>
public sealed class SglKeyConfig : ProviderKeyConfig
{
    /// <summary>Creates an empty <c>sgl_key_config</c> block.</summary>
    public SglKeyConfig()
        : base("sgl_key_config")
    {
    }

    /// <summary>The server URL. Required by every server generation.</summary>
    [JsonPropertyName("url")]
    public SecretValue? Url { get; set; }

    /// <summary>The secret-bearing fields of the block.</summary>
    internal static readonly IReadOnlyList<SecretSlot> Slots =
    [
        SecretSlot.For<SglKeyConfig>("url", b => b.Url, (b, v) => b.Url = v),
    ];

    internal override IReadOnlyList<SecretSlot> SecretSlots => Slots;
}

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

    internal override void CollectSecrets(string prefix, ICollection<SecretField> into) => into.Add(new(prefix + "url", Url));
}

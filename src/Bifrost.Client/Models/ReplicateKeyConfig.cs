using System.Text.Json.Serialization;

namespace Bifrost.Client;

/// <summary>Configuration of a Replicate key (<c>replicate_key_config</c>, CONTRACT §4.1). It holds no secrets.</summary>
public sealed class ReplicateKeyConfig : ProviderKeyConfig
{
    /// <summary>Creates an empty <c>replicate_key_config</c> block.</summary>
    public ReplicateKeyConfig()
        : base("replicate_key_config")
    {
    }

    /// <summary>Whether to call deployments instead of models.</summary>
    [JsonPropertyName("use_deployments_endpoint")]
    public bool? UseDeploymentsEndpoint { get; set; }

    /// <summary>The block has no secret-bearing fields.</summary>
    internal override IReadOnlyList<SecretSlot> SecretSlots => [];
}

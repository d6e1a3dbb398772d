using System.Text.Json.Serialization;

namespace Bifrost.Client;

/// <summary>Configuration of a Google Vertex AI key (<c>vertex_key_config</c>, CONTRACT §4.1).</summary>
public sealed class VertexKeyConfig : ProviderKeyConfig
{
    /// <summary>Creates an empty <c>vertex_key_config</c> block.</summary>
    public VertexKeyConfig()
        : base("vertex_key_config")
    {
    }

    /// <summary>The Google Cloud project id.</summary>
    [JsonPropertyName("project_id")]
    public SecretValue? ProjectId { get; set; }

    /// <summary>The Google Cloud project number.</summary>
    [JsonPropertyName("project_number")]
    public SecretValue? ProjectNumber { get; set; }

    /// <summary>The region, for example <c>us-central1</c>.</summary>
    [JsonPropertyName("region")]
    public SecretValue? Region { get; set; }

    /// <summary>Service-account JSON; empty means ADC/IAM authentication.</summary>
    [JsonPropertyName("auth_credentials")]
    public SecretValue? AuthCredentials { get; set; }

    /// <summary>Whether to stay in the single configured region; <see langword="null"/> when absent (false).</summary>
    [JsonPropertyName("force_single_region")]
    public bool? ForceSingleRegion { get; set; }

    /// <summary>The secret-bearing fields of the block.</summary>
    internal static readonly IReadOnlyList<SecretSlot> Slots =
    [
        SecretSlot.For<VertexKeyConfig>("project_id", b => b.ProjectId, (b, v) => b.ProjectId = v),
        SecretSlot.For<VertexKeyConfig>("project_number", b => b.ProjectNumber, (b, v) => b.ProjectNumber = v),
        SecretSlot.For<VertexKeyConfig>("region", b => b.Region, (b, v) => b.Region = v),
        SecretSlot.For<VertexKeyConfig>("auth_credentials", b => b.AuthCredentials, (b, v) => b.AuthCredentials = v),
    ];

    internal override IReadOnlyList<SecretSlot> SecretSlots => Slots;
}

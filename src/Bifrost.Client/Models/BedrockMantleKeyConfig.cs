using System.Text.Json.Serialization;

namespace Bifrost.Client;

/// <summary>Configuration of a Bedrock Mantle key (<c>bedrock_mantle_key_config</c>, CONTRACT §4.1).</summary>
public sealed class BedrockMantleKeyConfig : ProviderKeyConfig
{
    /// <summary>Creates an empty <c>bedrock_mantle_key_config</c> block.</summary>
    public BedrockMantleKeyConfig()
        : base("bedrock_mantle_key_config")
    {
    }

    /// <summary>AWS access key id.</summary>
    [JsonPropertyName("access_key")]
    public SecretValue? AccessKey { get; set; }

    /// <summary>AWS secret access key.</summary>
    [JsonPropertyName("secret_key")]
    public SecretValue? SecretKey { get; set; }

    /// <summary>AWS session token.</summary>
    [JsonPropertyName("session_token")]
    public SecretValue? SessionToken { get; set; }

    /// <summary>AWS region. Required by newer servers.</summary>
    [JsonPropertyName("region")]
    public SecretValue? Region { get; set; }

    /// <summary>Role to assume with STS.</summary>
    [JsonPropertyName("role_arn")]
    public SecretValue? RoleArn { get; set; }

    /// <summary>External id for STS AssumeRole.</summary>
    [JsonPropertyName("external_id")]
    public SecretValue? ExternalId { get; set; }

    /// <summary>Session name for STS AssumeRole.</summary>
    [JsonPropertyName("session_name")]
    public SecretValue? SessionName { get; set; }

    /// <summary>Mantle project id.</summary>
    [JsonPropertyName("project_id")]
    public SecretValue? ProjectId { get; set; }

    /// <summary>The secret-bearing fields of the block.</summary>
    internal static readonly IReadOnlyList<SecretSlot> Slots =
    [
        SecretSlot.For<BedrockMantleKeyConfig>("access_key", b => b.AccessKey, (b, v) => b.AccessKey = v),
        SecretSlot.For<BedrockMantleKeyConfig>("secret_key", b => b.SecretKey, (b, v) => b.SecretKey = v),
        SecretSlot.For<BedrockMantleKeyConfig>("session_token", b => b.SessionToken, (b, v) => b.SessionToken = v),
        SecretSlot.For<BedrockMantleKeyConfig>("region", b => b.Region, (b, v) => b.Region = v),
        SecretSlot.For<BedrockMantleKeyConfig>("role_arn", b => b.RoleArn, (b, v) => b.RoleArn = v),
        SecretSlot.For<BedrockMantleKeyConfig>("external_id", b => b.ExternalId, (b, v) => b.ExternalId = v),
        SecretSlot.For<BedrockMantleKeyConfig>("session_name", b => b.SessionName, (b, v) => b.SessionName = v),
        SecretSlot.For<BedrockMantleKeyConfig>("project_id", b => b.ProjectId, (b, v) => b.ProjectId = v),
    ];

    internal override IReadOnlyList<SecretSlot> SecretSlots => Slots;
}

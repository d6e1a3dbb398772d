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

    internal override void CollectSecrets(string prefix, ICollection<SecretField> into)
    {
        into.Add(new(prefix + "access_key", AccessKey));
        into.Add(new(prefix + "secret_key", SecretKey));
        into.Add(new(prefix + "session_token", SessionToken));
        into.Add(new(prefix + "region", Region));
        into.Add(new(prefix + "role_arn", RoleArn));
        into.Add(new(prefix + "external_id", ExternalId));
        into.Add(new(prefix + "session_name", SessionName));
        into.Add(new(prefix + "project_id", ProjectId));
    }
}

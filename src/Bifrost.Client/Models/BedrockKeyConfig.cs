using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bifrost.Client;

/// <summary>Configuration of an AWS Bedrock key (<c>bedrock_key_config</c>, CONTRACT §4.1).</summary>
/// <remarks>Empty access and secret keys mean an IAM role or the default chain; a Bedrock API key goes in <see cref="ProviderKey.Value"/>.</remarks>
public sealed class BedrockKeyConfig : ProviderKeyConfig
{
    /// <summary>Creates an empty <c>bedrock_key_config</c> block.</summary>
    public BedrockKeyConfig()
        : base("bedrock_key_config")
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

    /// <summary>AWS region, for example <c>us-east-1</c>. Required by newer servers.</summary>
    [JsonPropertyName("region")]
    public SecretValue? Region { get; set; }

    /// <summary>Model or inference profile ARN.</summary>
    [JsonPropertyName("arn")]
    public SecretValue? Arn { get; set; }

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

    /// <summary>S3 buckets for batch jobs.</summary>
    [JsonPropertyName("batch_s3_config")]
    public BedrockBatchS3Config? BatchS3Config { get; set; }

    /// <summary>Role used for batch jobs (newest servers).</summary>
    [JsonPropertyName("batch_role_arn")]
    public SecretValue? BatchRoleArn { get; set; }

    /// <summary>Endpoint overrides (newest servers).</summary>
    [JsonPropertyName("endpoints")]
    public BedrockEndpoints? Endpoints { get; set; }

    /// <summary>The secret-bearing fields of the block (the endpoint overrides are listed apart).</summary>
    internal static readonly IReadOnlyList<SecretSlot> Slots =
    [
        SecretSlot.For<BedrockKeyConfig>("access_key", b => b.AccessKey, (b, v) => b.AccessKey = v),
        SecretSlot.For<BedrockKeyConfig>("secret_key", b => b.SecretKey, (b, v) => b.SecretKey = v),
        SecretSlot.For<BedrockKeyConfig>("session_token", b => b.SessionToken, (b, v) => b.SessionToken = v),
        SecretSlot.For<BedrockKeyConfig>("region", b => b.Region, (b, v) => b.Region = v),
        SecretSlot.For<BedrockKeyConfig>("arn", b => b.Arn, (b, v) => b.Arn = v),
        SecretSlot.For<BedrockKeyConfig>("role_arn", b => b.RoleArn, (b, v) => b.RoleArn = v),
        SecretSlot.For<BedrockKeyConfig>("external_id", b => b.ExternalId, (b, v) => b.ExternalId = v),
        SecretSlot.For<BedrockKeyConfig>("session_name", b => b.SessionName, (b, v) => b.SessionName = v),
        SecretSlot.For<BedrockKeyConfig>("project_id", b => b.ProjectId, (b, v) => b.ProjectId = v),
        SecretSlot.For<BedrockKeyConfig>("batch_role_arn", b => b.BatchRoleArn, (b, v) => b.BatchRoleArn = v),
    ];

    internal override IReadOnlyList<SecretSlot> SecretSlots => Slots;

    internal override void CollectSecrets(string prefix, ICollection<SecretField> into)
    {
        base.CollectSecrets(prefix, into);
        Endpoints?.CollectSecrets(prefix + "endpoints.", into);
    }
}

/// <summary>S3 settings for Bedrock batch jobs (<c>batch_s3_config</c>).</summary>
public sealed class BedrockBatchS3Config
{
    /// <summary>The buckets; never null.</summary>
    [JsonPropertyName("buckets")]
    public IList<BedrockBatchS3Bucket> Buckets { get => _buckets; set => _buckets = value ?? new List<BedrockBatchS3Bucket>(); }

    private IList<BedrockBatchS3Bucket> _buckets = new List<BedrockBatchS3Bucket>();

    /// <summary>Members the SDK does not model; written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement> AdditionalProperties { get; set; } = new Dictionary<string, JsonElement>();
}

/// <summary>One S3 bucket for Bedrock batch jobs.</summary>
public sealed class BedrockBatchS3Bucket
{
    /// <summary>The bucket name.</summary>
    [JsonPropertyName("bucket_name")]
    public string? BucketName { get; set; }

    /// <summary>The key prefix, if any.</summary>
    [JsonPropertyName("prefix")]
    public string? Prefix { get; set; }

    /// <summary>Whether this is the default bucket.</summary>
    [JsonPropertyName("is_default")]
    public bool? IsDefault { get; set; }

    /// <summary>Members the SDK does not model; written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement> AdditionalProperties { get; set; } = new Dictionary<string, JsonElement>();
}

/// <summary>Bedrock endpoint overrides (<c>bedrock_key_config.endpoints</c>, newest servers). Every field is a dial target.</summary>
public sealed class BedrockEndpoints
{
    /// <summary>Runtime endpoint.</summary>
    [JsonPropertyName("runtime")]
    public SecretValue? Runtime { get; set; }

    /// <summary>Control-plane endpoint.</summary>
    [JsonPropertyName("control_plane")]
    public SecretValue? ControlPlane { get; set; }

    /// <summary>Mantle endpoint.</summary>
    [JsonPropertyName("mantle")]
    public SecretValue? Mantle { get; set; }

    /// <summary>Agent runtime endpoint.</summary>
    [JsonPropertyName("agent_runtime")]
    public SecretValue? AgentRuntime { get; set; }

    /// <summary>S3 endpoint.</summary>
    [JsonPropertyName("s3")]
    public SecretValue? S3 { get; set; }

    /// <summary>Members the SDK does not model; written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement> AdditionalProperties { get; set; } = new Dictionary<string, JsonElement>();

    internal void CollectSecrets(string prefix, ICollection<SecretField> into)
    {
        into.Add(new(prefix + "runtime", Runtime));
        into.Add(new(prefix + "control_plane", ControlPlane));
        into.Add(new(prefix + "mantle", Mantle));
        into.Add(new(prefix + "agent_runtime", AgentRuntime));
        into.Add(new(prefix + "s3", S3));
    }
}

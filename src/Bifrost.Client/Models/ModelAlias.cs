using System.Text.Json;
using System.Text.Json.Serialization;
using Bifrost.Client.Serialization;

namespace Bifrost.Client;

/// <summary>
/// What a model name maps to on a key (CONTRACT §4.3): either a plain provider model or deployment id
/// (<c>"gpt-4o": "prod-gpt4o"</c>) or an object with <c>model_id</c> and optional settings.
/// </summary>
/// <remarks>
/// An alias read as a plain string is written back as a plain string while only <see cref="ModelId"/> is set; an
/// alias read as an object is written back as an object. Members the SDK does not model are kept.
/// </remarks>
[JsonConverter(typeof(ModelAliasConverter))]
public sealed class ModelAlias
{
    /// <summary>Creates an alias to <paramref name="modelId"/>, written as a plain string until another field is set.</summary>
    /// <param name="modelId">The provider's model or deployment id.</param>
    public ModelAlias(string modelId)
    {
        ModelId = modelId;
        ReadAsString = true;
    }

    internal ModelAlias(string modelId, bool readAsString)
    {
        ModelId = modelId;
        ReadAsString = readAsString;
    }

    /// <summary>The provider's model or deployment id (<c>model_id</c>). Required.</summary>
    public string ModelId { get; set; }

    /// <summary>Display name (<c>model_name</c>).</summary>
    public string? ModelName { get; set; }

    /// <summary>Description.</summary>
    public string? Description { get; set; }

    /// <summary>Model family (<c>model_family</c>), for example <c>anthropic</c> or <c>openai</c>.</summary>
    public string? ModelFamily { get; set; }

    /// <summary>Region override.</summary>
    public SecretValue? Region { get; set; }

    /// <summary>Project id override.</summary>
    public SecretValue? ProjectId { get; set; }

    /// <summary>Whether to use Anthropic endpoints for this model.</summary>
    public bool? UseAnthropicEndpoints { get; set; }

    /// <summary>Azure API version for this deployment.</summary>
    public string? ApiVersion { get; set; }

    /// <summary>Azure Anthropic API version.</summary>
    public string? AnthropicVersion { get; set; }

    /// <summary>Azure endpoint override (a dial target).</summary>
    public SecretValue? Endpoint { get; set; }

    /// <summary>Vertex project number override.</summary>
    public SecretValue? ProjectNumber { get; set; }

    /// <summary>Vertex: stay in a single region.</summary>
    public bool? ForceSingleRegion { get; set; }

    /// <summary>Bedrock inference profile ARN.</summary>
    public SecretValue? InferenceProfileArn { get; set; }

    /// <summary>Replicate: call the deployments endpoint.</summary>
    public bool? UseDeploymentsEndpoint { get; set; }

    /// <summary>Members the SDK does not model; written back unchanged.</summary>
    public IDictionary<string, JsonElement> AdditionalProperties { get; } = new Dictionary<string, JsonElement>();

    /// <summary>True when the alias is written as a plain string: it was created or read as one and only <see cref="ModelId"/> is set.</summary>
    public bool IsPlainString => ReadAsString
        && ModelName is null && Description is null && ModelFamily is null && Region is null && ProjectId is null
        && UseAnthropicEndpoints is null && ApiVersion is null && AnthropicVersion is null && Endpoint is null
        && ProjectNumber is null && ForceSingleRegion is null && InferenceProfileArn is null && UseDeploymentsEndpoint is null
        && AdditionalProperties.Count == 0;

    internal bool ReadAsString { get; }

    // An object read without model_id is written back without it while ModelId stays empty.
    internal bool ModelIdWasAbsent { get; set; }

    /// <summary>Creates a plain-string alias.</summary>
    /// <param name="modelId">The provider's model or deployment id.</param>
    public static implicit operator ModelAlias(string modelId) => new(modelId);

    /// <summary>Returns the model id; alias secrets are never printed.</summary>
    public override string ToString() => ModelId;

    internal void CollectSecrets(string prefix, ICollection<SecretField> into)
    {
        into.Add(new(prefix + "region", Region));
        into.Add(new(prefix + "project_id", ProjectId));
        into.Add(new(prefix + "endpoint", Endpoint));
        into.Add(new(prefix + "project_number", ProjectNumber));
        into.Add(new(prefix + "inference_profile_arn", InferenceProfileArn));
    }
}

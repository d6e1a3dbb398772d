using System.Text.Json.Serialization;

namespace Bifrost.Client;

/// <summary>Configuration of an Azure OpenAI key (<c>azure_key_config</c>, CONTRACT §4.1).</summary>
/// <remarks>
/// The authentication mode is implied: a key <c>value</c> with no client credentials means API key; client credentials
/// mean Entra ID; neither means the default credential.
/// </remarks>
public sealed class AzureKeyConfig : ProviderKeyConfig
{
    /// <summary>Creates an empty <c>azure_key_config</c> block.</summary>
    public AzureKeyConfig()
        : base("azure_key_config")
    {
    }

    /// <summary>The resource endpoint, for example <c>https://contoso.openai.azure.com</c>. Required by newer servers.</summary>
    [JsonPropertyName("endpoint")]
    public SecretValue? Endpoint { get; set; }

    /// <summary>Entra ID client id (send all three client fields or none).</summary>
    [JsonPropertyName("client_id")]
    public SecretValue? ClientId { get; set; }

    /// <summary>Entra ID client secret.</summary>
    [JsonPropertyName("client_secret")]
    public SecretValue? ClientSecret { get; set; }

    /// <summary>Entra ID tenant id.</summary>
    [JsonPropertyName("tenant_id")]
    public SecretValue? TenantId { get; set; }

    /// <summary>OAuth scopes for Entra ID; <see langword="null"/> when absent.</summary>
    [JsonPropertyName("scopes")]
    public IList<string>? Scopes { get; set; }

    /// <summary>API version (EnvVar-era servers only; newer servers set it per alias).</summary>
    [JsonPropertyName("api_version")]
    public SecretValue? ApiVersion { get; set; }

    /// <summary>The secret-bearing fields of the block.</summary>
    internal static readonly IReadOnlyList<SecretSlot> Slots =
    [
        SecretSlot.For<AzureKeyConfig>("endpoint", b => b.Endpoint, (b, v) => b.Endpoint = v),
        SecretSlot.For<AzureKeyConfig>("client_id", b => b.ClientId, (b, v) => b.ClientId = v),
        SecretSlot.For<AzureKeyConfig>("client_secret", b => b.ClientSecret, (b, v) => b.ClientSecret = v),
        SecretSlot.For<AzureKeyConfig>("tenant_id", b => b.TenantId, (b, v) => b.TenantId = v),
        SecretSlot.For<AzureKeyConfig>("api_version", b => b.ApiVersion, (b, v) => b.ApiVersion = v, rotatable: false),
    ];

    internal override IReadOnlyList<SecretSlot> SecretSlots => Slots;
}

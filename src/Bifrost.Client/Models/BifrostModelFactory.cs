using System.Text.Json;
using Bifrost.Client.Masks;

namespace Bifrost.Client;

/// <summary>
/// Builds SDK models with any field set, server-managed ones included (<c>status</c>, <c>config_hash</c>, masked
/// secrets), so that unit tests can return realistic keys from a mocked client.
/// </summary>
/// <remarks>
/// Every parameter is optional; a parameter left <see langword="null"/> leaves the member absent, as the server would.
/// Secrets made by <see cref="ServerSecret"/> look exactly like the ones a server sends: they are masked with the
/// server's format and behave as received values (untouched, they are written back unchanged).
/// </remarks>
public static class BifrostModelFactory
{
    private const string EnvPrefix = "env.";
    private const string VaultPrefix = "vault.";

    /// <summary>Builds a <see cref="Client.ProviderKey"/> as a server returns it.</summary>
    /// <param name="id">The key id (a UUID).</param>
    /// <param name="name">The key name.</param>
    /// <param name="value">The key value; use <see cref="ServerSecret"/> for a masked value as the server sends it.</param>
    /// <param name="models">Models the key may serve; absent means empty.</param>
    /// <param name="blacklistedModels">Models the key must not serve; absent means empty.</param>
    /// <param name="weight">Load-balancing weight.</param>
    /// <param name="aliases">Model aliases.</param>
    /// <param name="config">The provider configuration block.</param>
    /// <param name="enabled">Whether the key is enabled.</param>
    /// <param name="useForBatchApi">Whether the key is used for batch calls.</param>
    /// <param name="useAnthropicEndpoints">Whether the key uses Anthropic-compatible endpoints.</param>
    /// <param name="configHash">The server-managed configuration hash.</param>
    /// <param name="status">The server-managed discovery status (<c>unknown</c>, <c>success</c>, <c>list_models_failed</c>).</param>
    /// <param name="description">The discovery message.</param>
    /// <param name="additionalProperties">Members the SDK does not model, such as <c>databricks_key_config</c>.</param>
    /// <returns>The key.</returns>
    public static ProviderKey ProviderKey(
        string? id = null,
        string? name = null,
        SecretValue? value = null,
        IEnumerable<string>? models = null,
        IEnumerable<string>? blacklistedModels = null,
        double? weight = null,
        IDictionary<string, ModelAlias>? aliases = null,
        ProviderKeyConfig? config = null,
        bool? enabled = null,
        bool? useForBatchApi = null,
        bool? useAnthropicEndpoints = null,
        string? configHash = null,
        string? status = null,
        string? description = null,
        IDictionary<string, JsonElement>? additionalProperties = null)
    {
        return new ProviderKey
        {
            Id = id,
            Name = name,
            Value = value,
            Models = models?.ToList() ?? new List<string>(),
            BlacklistedModels = blacklistedModels?.ToList() ?? new List<string>(),
            Weight = weight,
            Aliases = aliases is null ? new Dictionary<string, ModelAlias>() : new Dictionary<string, ModelAlias>(aliases),
            Config = config,
            Enabled = enabled,
            UseForBatchApi = useForBatchApi,
            UseAnthropicEndpoints = useAnthropicEndpoints,
            ConfigHash = configHash,
            Status = status,
            Description = description,
            AdditionalProperties = Copy(additionalProperties),
        };
    }

    /// <summary>
    /// Builds a secret as a server sends it: the server's mask of <paramref name="rawValue"/> (CONTRACT §5.1) in the
    /// object shape of <paramref name="era"/>, with the reference next to it when there is one.
    /// </summary>
    /// <param name="rawValue">
    /// The stored value, or for a reference the value it resolves to (<c>""</c> when the server cannot resolve it).
    /// </param>
    /// <param name="reference">An <c>env.NAME</c> or <c>vault.path</c> reference, or <see langword="null"/> for a literal.</param>
    /// <param name="era">The response shape: <c>{value, ref, type}</c> or <c>{value, env_var, from_env}</c>.</param>
    /// <param name="redact">
    /// <see langword="false"/> for fields that newer servers return verbatim when literal (URLs, regions, a literal
    /// Azure endpoint); the value is then sent as is.
    /// </param>
    /// <returns>A received secret: untouched, it is written back exactly as built.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rawValue"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="reference"/> does not start with <c>env.</c> or <c>vault.</c>, or is a vault reference in the EnvVar era.
    /// </exception>
    public static SecretValue ServerSecret(string rawValue, string? reference = null, SecretWireEra era = SecretWireEra.SecretVar, bool redact = true)
    {
        ArgumentNullException.ThrowIfNull(rawValue);
        var type = "plain_text";
        if (reference is not null)
        {
            if (reference.StartsWith(EnvPrefix, StringComparison.Ordinal) && reference.Length > EnvPrefix.Length)
            {
                type = "env";
            }
            else if (reference.StartsWith(VaultPrefix, StringComparison.Ordinal) && reference.Length > VaultPrefix.Length)
            {
                type = "vault";
            }
            else
            {
                throw new ArgumentException("A reference must look like 'env.NAME' or 'vault.path'.", nameof(reference));
            }

            if (type == "vault" && era == SecretWireEra.EnvVar)
            {
                throw new ArgumentException("EnvVar-era servers have no vault references.", nameof(reference));
            }
        }

        var shown = redact ? MaskRules.Redact(rawValue) : rawValue;
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("value", shown);
            if (era == SecretWireEra.EnvVar)
            {
                writer.WriteString("env_var", reference ?? string.Empty);
                writer.WriteBoolean("from_env", reference is not null);
            }
            else
            {
                if (reference is not null)
                {
                    writer.WriteString("ref", reference);
                }

                writer.WriteString("type", type);
            }

            writer.WriteEndObject();
        }

        return SecretValue.FromJson(buffer.WrittenSpan);
    }

    /// <summary>Builds one row of <c>GET /api/keys</c> as the server sends it (CONTRACT §1.2).</summary>
    /// <param name="keyId">The key's UUID.</param>
    /// <param name="name">The key name.</param>
    /// <param name="provider">The provider name.</param>
    /// <param name="value">The value; by default the emptied <c>{"value":""}</c> the server sends in this listing.</param>
    /// <param name="weight">Load-balancing weight.</param>
    /// <param name="models">Models the key may serve.</param>
    /// <param name="blacklistedModels">Models the key must not serve.</param>
    /// <param name="configHash">Configuration hash; the server sends <c>""</c> for keys made through the API.</param>
    /// <param name="status">Discovery status; the server sends <c>""</c> in this listing.</param>
    /// <param name="createdAt">Creation time; by default the zero time the server sends.</param>
    /// <param name="updatedAt">Update time; by default the zero time the server sends.</param>
    /// <param name="additionalProperties">
    /// Other members. By default the row's numeric <c>id</c> and <c>provider_id</c>, both <c>0</c>, as the server sends them.
    /// </param>
    /// <returns>The row.</returns>
    public static KeySummary KeySummary(
        string? keyId = null,
        string? name = null,
        string? provider = null,
        SecretValue? value = null,
        double? weight = null,
        IEnumerable<string>? models = null,
        IEnumerable<string>? blacklistedModels = null,
        string? configHash = "",
        string? status = "",
        DateTime? createdAt = null,
        DateTime? updatedAt = null,
        IDictionary<string, JsonElement>? additionalProperties = null)
    {
        var zeroTime = DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc);
        return new KeySummary
        {
            KeyId = keyId,
            Name = name,
            Provider = provider,
            Value = value ?? SecretValue.FromJson("{\"value\":\"\"}"u8),
            Weight = weight,
            Models = models?.ToList() ?? new List<string>(),
            BlacklistedModels = blacklistedModels?.ToList() ?? new List<string>(),
            ConfigHash = configHash,
            Status = status,
            CreatedAt = createdAt ?? zeroTime,
            UpdatedAt = updatedAt ?? zeroTime,
            AdditionalProperties = additionalProperties is null ? RowIds() : Copy(additionalProperties),
        };
    }

    /// <summary>Builds the body of <c>GET /api/providers/{provider}/keys</c>.</summary>
    /// <param name="keys">The keys; none by default.</param>
    /// <param name="total">The count the server reports; by default the number of <paramref name="keys"/>.</param>
    /// <returns>The list.</returns>
    public static ProviderKeyList ProviderKeyList(IEnumerable<ProviderKey>? keys = null, int? total = null)
    {
        var list = keys?.ToList() ?? new List<ProviderKey>();
        return new ProviderKeyList { Keys = list, Total = total ?? list.Count };
    }

    /// <summary>Builds an error body as the management API sends it (CONTRACT §7.1).</summary>
    /// <param name="statusCode">The status code written in the body (the server may omit it).</param>
    /// <param name="message">The error message, for example <c>Provider key not found: …</c>.</param>
    /// <param name="isBifrostError">The <c>is_bifrost_error</c> flag; <see langword="false"/> for management errors.</param>
    /// <param name="type">The optional top-level <c>type</c>.</param>
    /// <param name="eventId">The optional top-level <c>event_id</c>.</param>
    /// <param name="errorType">The optional <c>error.type</c>.</param>
    /// <param name="errorCode">The optional <c>error.code</c>.</param>
    /// <param name="errorParam">The optional <c>error.param</c>.</param>
    /// <param name="additionalProperties">Other members; by default an empty <c>extra_fields</c> object.</param>
    /// <returns>The error.</returns>
    public static BifrostError BifrostError(
        int? statusCode = null,
        string? message = null,
        bool? isBifrostError = false,
        string? type = null,
        string? eventId = null,
        string? errorType = null,
        string? errorCode = null,
        string? errorParam = null,
        IDictionary<string, JsonElement>? additionalProperties = null)
    {
        return new BifrostError
        {
            IsBifrostError = isBifrostError,
            StatusCode = statusCode,
            Type = type,
            EventId = eventId,
            Error = new BifrostErrorDetail { Message = message, Type = errorType, Code = errorCode, Param = errorParam },
            AdditionalProperties = additionalProperties is null ? EmptyExtraFields() : Copy(additionalProperties),
        };
    }

    private static Dictionary<string, JsonElement> Copy(IDictionary<string, JsonElement>? source)
    {
        var copy = new Dictionary<string, JsonElement>();
        if (source is not null)
        {
            foreach (var (name, element) in source)
            {
                copy[name] = element.Clone();
            }
        }

        return copy;
    }

    private static Dictionary<string, JsonElement> RowIds()
    {
        using var document = JsonDocument.Parse("{\"id\":0,\"provider_id\":0}");
        return Copy(document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value));
    }

    private static Dictionary<string, JsonElement> EmptyExtraFields()
    {
        using var document = JsonDocument.Parse("{\"extra_fields\":{}}");
        return Copy(document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value));
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bifrost.Client;

/// <summary>The error body of the management API (CONTRACT §7.1). There is no machine-readable code: branch on the HTTP status.</summary>
public sealed class BifrostError
{
    /// <summary>Whether the error came from the inference core (normally false for management calls).</summary>
    [JsonPropertyName("is_bifrost_error")]
    public bool? IsBifrostError { get; set; }

    /// <summary>The status code as the server wrote it; may be missing. The HTTP status is the authority.</summary>
    [JsonPropertyName("status_code")]
    public int? StatusCode { get; set; }

    /// <summary>The error details.</summary>
    [JsonPropertyName("error")]
    public BifrostErrorDetail? Error { get; set; }

    /// <summary>Optional event id.</summary>
    [JsonPropertyName("event_id")]
    public string? EventId { get; set; }

    /// <summary>Optional error type.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>Members the SDK does not model (for example <c>extra_fields</c>); kept.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement> AdditionalProperties { get; set; } = new Dictionary<string, JsonElement>();

    /// <summary>Prints the status code and message.</summary>
    public override string ToString() => $"BifrostError {{ StatusCode = {StatusCode}, Message = {Error?.Message} }}";
}

/// <summary>The <c>error</c> object of a <see cref="BifrostError"/>.</summary>
public sealed class BifrostErrorDetail
{
    /// <summary>The human-readable message, for example <c>Provider key not found: …</c>.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; set; }

    /// <summary>Optional error type.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>Optional code; the management API sets none.</summary>
    [JsonPropertyName("code")]
    public string? Code { get; set; }

    /// <summary>Optional parameter name.</summary>
    [JsonPropertyName("param")]
    public string? Param { get; set; }

    /// <summary>Optional event id.</summary>
    [JsonPropertyName("event_id")]
    public string? EventId { get; set; }

    /// <summary>Members the SDK does not model; kept.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement> AdditionalProperties { get; set; } = new Dictionary<string, JsonElement>();

    /// <summary>Prints the message.</summary>
    public override string ToString() => Message ?? string.Empty;
}

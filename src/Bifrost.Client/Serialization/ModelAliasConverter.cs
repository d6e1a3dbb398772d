using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bifrost.Client.Serialization;

/// <summary>Reads and writes an alias in the form it came in: a plain string or an object (CONTRACT §4.3).</summary>
internal sealed class ModelAliasConverter : JsonConverter<ModelAlias>
{
    // A null alias is not valid on the server (empty model_id); reject it here, with its path, rather than put a
    // null into the non-nullable Aliases dictionary.
    public override bool HandleNull => true;

    public override ModelAlias Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return new ModelAlias(reader.GetString()!, readAsString: true);
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException();
        }

        using var document = JsonDocument.ParseValue(ref reader);
        var alias = new ModelAlias(string.Empty, readAsString: false) { ModelIdWasAbsent = true };
        foreach (var property in document.RootElement.EnumerateObject())
        {
            var v = property.Value;
            switch (property.Name)
            {
                case "model_id": alias.ModelId = ReadString(v) ?? string.Empty; alias.ModelIdWasAbsent = false; break;
                case "model_name": alias.ModelName = ReadString(v); break;
                case "description": alias.Description = ReadString(v); break;
                case "model_family": alias.ModelFamily = ReadString(v); break;
                case "region": alias.Region = ReadSecret(v); break;
                case "project_id": alias.ProjectId = ReadSecret(v); break;
                case "use_anthropic_endpoints": alias.UseAnthropicEndpoints = ReadBool(v); break;
                case "api_version": alias.ApiVersion = ReadString(v); break;
                case "anthropic_version": alias.AnthropicVersion = ReadString(v); break;
                case "endpoint": alias.Endpoint = ReadSecret(v); break;
                case "project_number": alias.ProjectNumber = ReadSecret(v); break;
                case "force_single_region": alias.ForceSingleRegion = ReadBool(v); break;
                case "inference_profile_arn": alias.InferenceProfileArn = ReadSecret(v); break;
                case "use_deployments_endpoint": alias.UseDeploymentsEndpoint = ReadBool(v); break;
                default: alias.AdditionalProperties[property.Name] = v.Clone(); break;
            }
        }

        return alias;
    }

    public override void Write(Utf8JsonWriter writer, ModelAlias? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        if (value.IsPlainString)
        {
            writer.WriteStringValue(value.ModelId);
            return;
        }

        writer.WriteStartObject();
        if (!(value.ModelIdWasAbsent && string.IsNullOrEmpty(value.ModelId)))
        {
            writer.WriteString("model_id", value.ModelId);
        }

        WriteString(writer, "model_name", value.ModelName);
        WriteString(writer, "description", value.Description);
        WriteString(writer, "model_family", value.ModelFamily);
        WriteSecret(writer, "region", value.Region);
        WriteSecret(writer, "project_id", value.ProjectId);
        WriteBool(writer, "use_anthropic_endpoints", value.UseAnthropicEndpoints);
        WriteString(writer, "api_version", value.ApiVersion);
        WriteString(writer, "anthropic_version", value.AnthropicVersion);
        WriteSecret(writer, "endpoint", value.Endpoint);
        WriteSecret(writer, "project_number", value.ProjectNumber);
        WriteBool(writer, "force_single_region", value.ForceSingleRegion);
        WriteSecret(writer, "inference_profile_arn", value.InferenceProfileArn);
        WriteBool(writer, "use_deployments_endpoint", value.UseDeploymentsEndpoint);
        foreach (var (name, element) in value.AdditionalProperties)
        {
            writer.WritePropertyName(name);
            element.WriteTo(writer);
        }

        writer.WriteEndObject();
    }

    private static string? ReadString(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString(),
        JsonValueKind.Null => null,
        _ => throw new JsonException(),
    };

    private static bool? ReadBool(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null => null,
        _ => throw new JsonException(),
    };

    private static SecretValue? ReadSecret(JsonElement v)
    {
        if (v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (v.ValueKind is not (JsonValueKind.String or JsonValueKind.Object))
        {
            throw new JsonException();
        }

        return SecretValue.FromJson(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(v));
    }

    private static void WriteString(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteBool(Utf8JsonWriter writer, string name, bool? value)
    {
        if (value is { } b)
        {
            writer.WriteBoolean(name, b);
        }
    }

    private static void WriteSecret(Utf8JsonWriter writer, string name, SecretValue? value)
    {
        if (value is not null)
        {
            writer.WritePropertyName(name);
            writer.WriteRawValue(value.Json, skipInputValidation: true);
        }
    }
}

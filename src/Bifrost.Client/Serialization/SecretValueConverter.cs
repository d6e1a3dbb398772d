using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bifrost.Client.Serialization;

/// <summary>Reads every accepted secret shape and writes a value back as the exact JSON it was read as (CONTRACT §3).</summary>
internal sealed class SecretValueConverter : JsonConverter<SecretValue>
{
    public override SecretValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => SecretValue.Read(ref reader);

    public override void Write(Utf8JsonWriter writer, SecretValue value, JsonSerializerOptions options)
        => writer.WriteRawValue(value.Json, skipInputValidation: true);
}

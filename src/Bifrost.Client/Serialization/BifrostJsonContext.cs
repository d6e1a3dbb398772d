using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bifrost.Client.Serialization;

/// <summary>The source-generated serializer for every wire type of the SDK.</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict,
    AllowTrailingCommas = false,
    ReadCommentHandling = JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(ProviderKey))]
[JsonSerializable(typeof(ProviderKeyList))]
[JsonSerializable(typeof(KeySummary))]
[JsonSerializable(typeof(IList<KeySummary>))]
[JsonSerializable(typeof(List<KeySummary>))]
[JsonSerializable(typeof(BifrostError))]
[JsonSerializable(typeof(SecretValue))]
[JsonSerializable(typeof(ModelAlias))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class BifrostJsonContext : JsonSerializerContext
{
}

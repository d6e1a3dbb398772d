using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bifrost.Client.Testing.Emulator;

/// <summary>Small readers for raw stored keys, which tests may seed in any shape.</summary>
internal static class RawJson
{
    /// <summary>The text of a string node; other scalars as their JSON text; <c>""</c> for null or containers.</summary>
    public static string Text(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v => v.ToJsonString(),
        _ => "",
    };

    /// <summary>The text of a string node, or <see langword="null"/> when absent or null.</summary>
    public static string? TextOrNull(JsonNode? node) => node is null ? null : Text(node);
}

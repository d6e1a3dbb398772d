using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Bifrost.Client.Serialization;

/// <summary>
/// The JSON settings for request and response bodies. Like <see cref="BifrostJsonContext"/>, except that a key written
/// into a request leaves out the server-managed <c>config_hash</c> and <c>status</c> (CONTRACT §2: read-only, do not
/// send). Reading is unchanged, so responses still fill <see cref="ProviderKey.ConfigHash"/> and <see cref="ProviderKey.Status"/>.
/// <see cref="BifrostJson"/> (persistence) keeps both members.
/// </summary>
internal static class BifrostWireJson
{
    private static readonly string[] ServerManagedMembers = ["config_hash", "status"];

    /// <summary>The options the HTTP layer serializes with; built on the source-generated context (trimming- and AOT-safe).</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(BifrostJsonContext.Default.Options)
        {
            TypeInfoResolver = BifrostJsonContext.Default.WithAddedModifier(LeaveOutServerManagedMembers),
        };
        options.MakeReadOnly();
        return options;
    }

    private static void LeaveOutServerManagedMembers(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Type != typeof(ProviderKey))
        {
            return;
        }

        foreach (var property in typeInfo.Properties)
        {
            if (Array.IndexOf(ServerManagedMembers, property.Name) >= 0)
            {
                property.ShouldSerialize = static (_, _) => false;
            }
        }
    }
}

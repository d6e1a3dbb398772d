using System.Text.Json;
using System.Text.Json.Nodes;
using Bifrost.Client.Serialization;

namespace Bifrost.Client;

/// <summary>
/// Decides whether two GET responses describe the same stored key, for the optimistic check before an update
/// (Bifrost has no ETag or version field, CONTRACT §9).
/// </summary>
/// <remarks>
/// Both keys are serialized exactly as the SDK would send them and compared as JSON trees (member order does not
/// matter; array order does). <c>status</c> and <c>description</c> are ignored: model discovery rewrites them on its
/// own after every save and refresh (CONTRACT §2), so they change without anyone editing the key. Masks are compared
/// too: a rotated secret shows a different mask, and sending the stale mask would be unsafe on older servers. The
/// comparison is therefore conservative: a reference whose resolved value changed on the server also counts as a change.
/// </remarks>
internal static class StoredKeyComparer
{
    private static readonly string[] IgnoredMembers = ["status", "description"];

    /// <summary>True when <paramref name="first"/> and <paramref name="second"/> represent the same stored key.</summary>
    public static bool AreSameStoredKey(ProviderKey first, ProviderKey second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        return JsonNode.DeepEquals(Normalize(first), Normalize(second));
    }

    private static JsonObject Normalize(ProviderKey key)
    {
        var node = JsonSerializer.SerializeToNode(key, BifrostJsonContext.Default.ProviderKey)!.AsObject();
        foreach (var name in IgnoredMembers)
        {
            node.Remove(name);
        }

        return node;
    }
}

using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Bifrost.Client;

/// <summary>
/// The SDK's JSON settings, built on its source-generated serializer context (trimming- and AOT-safe).
/// Use them to persist keys exactly as the SDK reads and writes them: nothing is lost, and untouched secrets
/// keep the shape the server sent.
/// </summary>
public static class BifrostJson
{
    /// <summary>The resolver for every SDK model; combine it with your own through <see cref="JsonTypeInfoResolver.Combine(IJsonTypeInfoResolver?[])"/>.</summary>
    public static IJsonTypeInfoResolver TypeInfoResolver => Serialization.BifrostJsonContext.Default;

    /// <summary>Read-only options for every SDK model. They write <see langword="null"/> members as absent.</summary>
    public static JsonSerializerOptions Options => Serialization.BifrostJsonContext.Default.Options;

    /// <summary>Serializes a key to JSON, losslessly.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(ProviderKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return JsonSerializer.Serialize(key, Serialization.BifrostJsonContext.Default.ProviderKey);
    }

    /// <summary>Reads a key from JSON.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The key.</returns>
    /// <exception cref="JsonException">The JSON is malformed or does not describe a key; the message names the path.</exception>
    public static ProviderKey DeserializeKey(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize(json, Serialization.BifrostJsonContext.Default.ProviderKey)
            ?? throw new JsonException("Expected a key object, found null. Path: $");
    }

    /// <summary>
    /// Serializes any SDK model (<see cref="ProviderKey"/>, <see cref="ProviderKeyList"/>, <see cref="KeySummary"/>,
    /// a list of them, <see cref="BifrostError"/>, <see cref="SecretValue"/>, <see cref="ModelAlias"/>) to JSON, losslessly.
    /// </summary>
    /// <typeparam name="T">The model type.</typeparam>
    /// <param name="value">The model.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not an SDK model.</exception>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, TypeInfo<T>());

    /// <summary>Reads any SDK model (see <see cref="Serialize{T}(T)"/>) from JSON.</summary>
    /// <typeparam name="T">The model type.</typeparam>
    /// <param name="json">The JSON text.</param>
    /// <returns>The model, or <see langword="null"/> when the JSON is the literal <c>null</c>.</returns>
    /// <exception cref="JsonException">The JSON is malformed or has the wrong shape; the message names the path.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not an SDK model.</exception>
    public static T? Deserialize<T>(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize(json, TypeInfo<T>());
    }

    private static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));
}

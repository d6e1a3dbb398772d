using System.Text.Json;
using Bifrost.Client.Masks;

namespace Bifrost.Client;

/// <summary>
/// Recognises a server mask that cannot be echoed back. The server cuts the first and last 4 <b>bytes</b> of a value
/// (CONTRACT §5.1); when that splits a non-ASCII character, its JSON encoder writes U+FFFD in place of the stray bytes.
/// Echoed back, such a mask is no longer 32 bytes long, so no generation recognises it, and it would be stored as the
/// credential.
/// </summary>
internal static class DamagedMask
{
    private const string StarRun = "************************";

    /// <summary>True when <paramref name="value"/> is a literal whose mask would not be recognised if echoed.</summary>
    public static bool IsDamaged(SecretValue? value) => value is not null && !value.IsReference && IsDamaged(value.Reveal());

    /// <summary>
    /// Throws for the first damaged mask anywhere in <paramref name="key"/>: a secret field, or a string inside a member
    /// the SDK does not model (top level or inside a modelled block). Env and vault references are skipped: the server
    /// re-saves the reference and ignores its mask.
    /// </summary>
    /// <exception cref="UnsafeUpdateException">A damaged mask would be sent.</exception>
    public static void EnsureNone(ProviderKey key) => EnsureNone(key, key.CollectSecrets());

    /// <summary>As <see cref="EnsureNone(ProviderKey)"/>, over secrets the caller has already collected from <paramref name="key"/>.</summary>
    /// <exception cref="UnsafeUpdateException">A damaged mask would be sent.</exception>
    public static void EnsureNone(ProviderKey key, List<SecretField> secrets)
    {
        foreach (var (path, value) in secrets)
        {
            if (IsDamaged(value))
            {
                throw Refusal(path);
            }
        }

        Scan(string.Empty, key.AdditionalProperties);
        foreach (var block in key.ConfigBlocks)
        {
            Scan(block.WireName + ".", block.AdditionalProperties);
        }
    }

    private static bool IsDamaged(string? text) =>
        text is not null
        && text.Contains('\uFFFD', StringComparison.Ordinal)
        && text.Contains(StarRun, StringComparison.Ordinal)
        && !MaskRules.IsRecognizedPlaceholder(text);

    private static void Scan(string prefix, IDictionary<string, JsonElement> members)
    {
        foreach (var (name, value) in members)
        {
            Scan(prefix + name, value);
        }
    }

    private static void Scan(string path, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String when IsDamaged(element.GetString()):
                throw Refusal(path);
            case JsonValueKind.Object when !IsReferenceObject(element):
                foreach (var property in element.EnumerateObject())
                {
                    Scan(path + "." + property.Name, property.Value);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Scan($"{path}[{index++}]", item);
                }

                break;
            default:
                break;
        }
    }

    // A secret object that is an env/vault reference in either era (CONTRACT §3.2).
    private static bool IsReferenceObject(JsonElement element) =>
        (element.TryGetProperty("from_env", out var fromEnv) && fromEnv.ValueKind == JsonValueKind.True)
        || (element.TryGetProperty("ref", out var reference) && reference.ValueKind == JsonValueKind.String && reference.GetString()!.Length > 0)
        || (element.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() is "env" or "vault");

    /// <summary>The refusal for <paramref name="path"/>.</summary>
    public static UnsafeUpdateException Refusal(string path) =>
        new(path, UnsafeUpdateReason.DamagedMask,
            $"Refusing to send the key: the server's mask of {path} is damaged (the stored secret has a non-ASCII character "
            + "where the server cuts it), so the server would not recognise it when sent back and would store the mask as the credential. "
            + $"Set {path} anew in the same edit (for example KeyEdits.RotateSecret(\"{path}\", …)).");
}

using Bifrost.Client.Masks;

namespace Bifrost.Client;

/// <summary>
/// The check on every key body the client sends, including the raw <c>UpdateKeyAsync(provider, keyId, ProviderKey)</c>
/// and <c>CreateKeyAsync</c>: a secret that goes out as a plain JSON string (a literal set in code, or one read back from
/// persisted JSON) must not look like a mask. Older servers store such a string as the credential (CONTRACT §6.3).
/// </summary>
/// <remarks>
/// Secrets echoed in the object shape a server sent are not checked here: that echo is how a stored secret is kept.
/// References (<c>env.X</c>, <c>vault.x</c>) are not literals and are not checked either.
/// </remarks>
internal static class RawBodyGuard
{
    /// <summary>Throws when a plain-string literal secret anywhere in <paramref name="key"/> looks like a mask, or a secret carries a damaged mask (<see cref="DamagedMask"/>).</summary>
    /// <param name="key">The body about to be sent.</param>
    /// <exception cref="UnsafeUpdateException">A plain-string secret looks like a mask; nothing was sent.</exception>
    public static void EnsureNoPlainMask(ProviderKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var secrets = key.CollectSecrets();
        DamagedMask.EnsureNone(key, secrets);
        foreach (var (path, value) in secrets)
        {
            if (value is null || value.IsReference || !IsPlainString(value) || !MaskRules.LooksLikeRedaction(value.Reveal()))
            {
                continue;
            }

            throw new UnsafeUpdateException(path, UnsafeUpdateReason.MaskAsNewValue,
                $"Refusing to send the key: {path} is a plain string that looks like a mask or a redacted preview. "
                + "Older servers store such a value as the real credential, destroying the secret. Send the secret exactly as "
                + "it was received (read the key and edit it, or use UpdateKeyAsync(provider, keyId, edit)), or set the real value.");
        }
    }

    private static bool IsPlainString(SecretValue value)
    {
        var json = value.Json;
        return json.Length > 0 && json[0] == (byte)'"';
    }
}

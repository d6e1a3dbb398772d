namespace Bifrost.Client;

/// <summary>
/// Thrown when a key changed on the server between the read that an edit was based on and the moment the edit would
/// have been sent. Nothing was sent. Read the key again and repeat the edit.
/// </summary>
/// <remarks>
/// Bifrost has no ETag or version field, so the helper re-reads the key just before the update and compares
/// (see <see cref="UpdateKeyOptions.VerifyUnchanged"/>). Sending an edit based on a stale read could store stale masks
/// as credentials on older servers, or undo another writer's change.
/// </remarks>
public sealed class KeyChangedException : BifrostException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="provider">The provider name.</param>
    /// <param name="keyId">The key id.</param>
    public KeyChangedException(string provider, string keyId)
        : base($"Key '{keyId}' of provider '{provider}' changed on the server since it was read; nothing was sent. Read the key again and repeat the edit.")
    {
        Provider = provider;
        KeyId = keyId;
    }

    /// <summary>The provider name.</summary>
    public string Provider { get; }

    /// <summary>The key id.</summary>
    public string KeyId { get; }
}

using Bifrost.Client.Http;

namespace Bifrost.Client;

/// <summary>
/// The transport-independent safe-update flow: read → snapshot → edit in place → guard → (re-read and compare) → write.
/// The client supplies the GET and PUT as delegates; nothing else writes a key.
/// </summary>
internal static class SafeKeyUpdater
{
    /// <summary>Reads the key, applies <paramref name="edit"/>, checks it, optionally verifies the key is unchanged, and writes it whole.</summary>
    /// <param name="provider">The provider name (path).</param>
    /// <param name="keyId">The key id (path).</param>
    /// <param name="edit">The caller's edit; it mutates the key read from the server.</param>
    /// <param name="options">Options, or <see langword="null"/> for <see cref="UpdateKeyOptions.Default"/>.</param>
    /// <param name="read">GET of the key.</param>
    /// <param name="write">PUT of the full key; returns the server's answer.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>What the server returned for the PUT.</returns>
    /// <exception cref="UnsafeUpdateException">The edit would destroy or corrupt stored data; nothing was sent.</exception>
    /// <exception cref="KeyChangedException">The key changed since it was read; nothing was sent.</exception>
    public static async Task<ProviderKey> UpdateAsync(
        string provider,
        string keyId,
        Action<ProviderKey> edit,
        UpdateKeyOptions? options,
        Func<CancellationToken, Task<KeyRead>> read,
        Func<ProviderKey, CancellationToken, Task<ProviderKey>> write,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        options ??= UpdateKeyOptions.Default;
        var (first, snapshot, body) = await ReadAndEditAsync(provider, keyId, edit, options, read, cancellationToken).ConfigureAwait(false);

        if (options.VerifyUnchanged)
        {
            // Identical bytes are the same stored key; anything else is compared as keys (status and description,
            // which the server rewrites on its own, do not count).
            var again = await read(cancellationToken).ConfigureAwait(false);
            if (!first.HasSameBytesAs(again) && !StoredKeyComparer.AreSameStoredKey(snapshot, again.Key))
            {
                throw new KeyChangedException(provider, keyId);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        return await write(body, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the key, applies <paramref name="edit"/>, checks it and returns what would be sent. Nothing is written.</summary>
    /// <param name="provider">The provider name (path).</param>
    /// <param name="keyId">The key id (path).</param>
    /// <param name="edit">The caller's edit.</param>
    /// <param name="options">Options, or <see langword="null"/> for the defaults (<see cref="UpdateKeyOptions.VerifyUnchanged"/> does not apply).</param>
    /// <param name="read">GET of the key.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The changes and the body that would be sent.</returns>
    /// <exception cref="UnsafeUpdateException">The edit would destroy or corrupt stored data.</exception>
    public static async Task<KeyUpdatePreview> PreviewAsync(
        string provider,
        string keyId,
        Action<ProviderKey> edit,
        UpdateKeyOptions? options,
        Func<CancellationToken, Task<KeyRead>> read,
        CancellationToken cancellationToken)
    {
        options ??= UpdateKeyOptions.Default;
        var (_, snapshot, body) = await ReadAndEditAsync(provider, keyId, edit, options, read, cancellationToken).ConfigureAwait(false);
        return new KeyUpdatePreview(provider, keyId, KeyDiff.Compute(snapshot, body), body);
    }

    /// <summary>
    /// Applies an edit to an already-read key and checks it, without I/O: returns the untouched snapshot and the edited
    /// body. <paramref name="key"/> is edited in place and becomes the body.
    /// </summary>
    public static (ProviderKey Snapshot, ProviderKey Body) EditAndCheck(string provider, ProviderKey key, Action<ProviderKey> edit, UpdateKeyOptions? options)
    {
        ArgumentNullException.ThrowIfNull(key);
        return EditAndCheck(provider, key, key.Clone(), edit, options);
    }

    private static (ProviderKey Snapshot, ProviderKey Body) EditAndCheck(string provider, ProviderKey key, ProviderKey snapshot, Action<ProviderKey> edit, UpdateKeyOptions? options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provider);
        ArgumentNullException.ThrowIfNull(edit);
        edit(key);
        UpdateGuard.Check(provider, snapshot, key, options ?? UpdateKeyOptions.Default);
        return (snapshot, key);
    }

    /// <summary>A read that yields parsed keys (no bytes kept), as the flow's read delegate.</summary>
    public static Func<CancellationToken, Task<KeyRead>> Reader(Func<CancellationToken, Task<ProviderKey>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        return async ct => new KeyRead(await read(ct).ConfigureAwait(false));
    }

    private static async Task<(KeyRead Read, ProviderKey Snapshot, ProviderKey Body)> ReadAndEditAsync(
        string provider,
        string keyId,
        Action<ProviderKey> edit,
        UpdateKeyOptions options,
        Func<CancellationToken, Task<KeyRead>> read,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provider);
        ArgumentException.ThrowIfNullOrWhiteSpace(keyId);
        ArgumentNullException.ThrowIfNull(edit);
        ArgumentNullException.ThrowIfNull(read);
        cancellationToken.ThrowIfCancellationRequested();

        var first = await read(cancellationToken).ConfigureAwait(false);

        // The snapshot is taken before the edit touches the key.
        var key = first.Key;
        var (snapshot, body) = EditAndCheck(provider, key, first.Snapshot(), edit, options);
        return (first, snapshot, body);
    }
}

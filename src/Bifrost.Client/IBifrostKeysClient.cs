namespace Bifrost.Client;

/// <summary>
/// The provider-key management API of a Bifrost server. Arguments are checked before any request; server errors
/// surface as <see cref="BifrostApiException"/> subclasses, timeouts as <see cref="BifrostTimeoutException"/> and
/// cancellation as <see cref="OperationCanceledException"/>.
/// </summary>
public interface IBifrostKeysClient
{
    /// <summary>Lists the keys of one provider (<c>GET /api/providers/{provider}/keys</c>).</summary>
    /// <param name="provider">The provider name, for example <c>openai</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The keys, masked.</returns>
    /// <exception cref="ArgumentException"><paramref name="provider"/> is null, empty, blank, <c>.</c>/<c>..</c>, has control characters or is longer than 1024 characters.</exception>
    Task<ProviderKeyList> ListKeysAsync(string provider, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates a key (<c>POST /api/providers/{provider}/keys</c>). When <paramref name="key"/> has no id, the client
    /// sends a copy with a new GUID, so the create is safe to retry; a 409 on a retried attempt is resolved by reading
    /// the key back. The caller's object is not changed.
    /// </summary>
    /// <param name="provider">The provider name.</param>
    /// <param name="key">The key to create.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created key, masked.</returns>
    /// <exception cref="UnsafeUpdateException">A secret set as a plain string looks like a mask; nothing was sent.</exception>
    Task<ProviderKey> CreateKeyAsync(string provider, ProviderKey key, CancellationToken cancellationToken = default);

    /// <summary>Reads one key (<c>GET /api/providers/{provider}/keys/{key_id}</c>).</summary>
    /// <param name="provider">The provider name.</param>
    /// <param name="keyId">The key id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The key, masked.</returns>
    Task<ProviderKey> GetKeyAsync(string provider, string keyId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces a whole key (<c>PUT /api/providers/{provider}/keys/{key_id}</c>). Send the full object as read; fields
    /// left out are cleared by the server (CONTRACT §6.4).
    /// </summary>
    /// <param name="provider">The provider name.</param>
    /// <param name="keyId">The key id.</param>
    /// <param name="key">The full key. Its id must be empty or equal <paramref name="keyId"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The key as the server saved it, masked: use it as the new state.</returns>
    /// <exception cref="UnsafeUpdateException">A secret set as a plain string looks like a mask; nothing was sent.</exception>
    Task<ProviderKey> UpdateKeyAsync(string provider, string keyId, ProviderKey key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Safely edits a key: reads it, lets <paramref name="edit"/> change it in place, refuses edits that would destroy
    /// stored data, re-reads it to make sure nobody changed it meanwhile (unless <see cref="UpdateKeyOptions.VerifyUnchanged"/>
    /// is off), and writes the whole key back. Untouched secrets go back exactly as received. See docs/safe-updates.md.
    /// </summary>
    /// <param name="provider">The provider name.</param>
    /// <param name="keyId">The key id.</param>
    /// <param name="edit">Changes the key in place, for example <c>k =&gt; k.Weight = 0.5</c>, or one of <see cref="KeyEdits"/>.</param>
    /// <param name="options">Update options, or <see langword="null"/> for <see cref="UpdateKeyOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The key as the server saved it, masked.</returns>
    /// <exception cref="UnsafeUpdateException">The edit would destroy or corrupt stored data; nothing was sent.</exception>
    /// <exception cref="KeyChangedException">The key changed since it was read; nothing was sent.</exception>
    Task<ProviderKey> UpdateKeyAsync(string provider, string keyId, Action<ProviderKey> edit, UpdateKeyOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// A dry run of <see cref="UpdateKeyAsync(string, string, Action{ProviderKey}, UpdateKeyOptions?, CancellationToken)"/>:
    /// reads the key, applies and checks the edit, and returns the changes and the body it would send. Nothing is written.
    /// </summary>
    /// <param name="provider">The provider name.</param>
    /// <param name="keyId">The key id.</param>
    /// <param name="edit">Changes the key in place.</param>
    /// <param name="options">Update options, or <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The changes (secrets shown only masked) and the body that would be sent.</returns>
    /// <exception cref="UnsafeUpdateException">The edit would destroy or corrupt stored data.</exception>
    Task<KeyUpdatePreview> PreviewUpdateKeyAsync(string provider, string keyId, Action<ProviderKey> edit, UpdateKeyOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes a key (<c>DELETE /api/providers/{provider}/keys/{key_id}</c>).</summary>
    /// <param name="provider">The provider name.</param>
    /// <param name="keyId">The key id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The deleted key, masked.</returns>
    Task<ProviderKey> DeleteKeyAsync(string provider, string keyId, CancellationToken cancellationToken = default);

    /// <summary>Lists every key of every provider as summary rows (<c>GET /api/keys</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The rows; use <see cref="KeySummary.KeyId"/> as the key id.</returns>
    Task<IReadOnlyList<KeySummary>> ListAllKeysAsync(CancellationToken cancellationToken = default);
}

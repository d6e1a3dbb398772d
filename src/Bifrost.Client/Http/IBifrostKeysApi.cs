using Refit;

namespace Bifrost.Client;

/// <summary>
/// The raw key endpoints of the Bifrost management API (CONTRACT §1) as a Refit interface. Prefer
/// <see cref="IBifrostKeysClient"/>, which validates arguments and makes creates safe to retry; this interface is
/// public so that it can be mocked or called directly. Path parameters are percent-encoded per segment.
/// </summary>
public interface IBifrostKeysApi
{
    /// <summary><c>GET /api/providers/{provider}/keys</c>: the keys of one provider.</summary>
    /// <param name="provider">The provider name, for example <c>openai</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The keys, masked.</returns>
    [Get("/api/providers/{provider}/keys")]
    Task<ProviderKeyList> ListKeysAsync(string provider, CancellationToken cancellationToken = default);

    /// <summary><c>POST /api/providers/{provider}/keys</c>: creates a key (the server answers 200 with the key).</summary>
    /// <param name="provider">The provider name.</param>
    /// <param name="key">The key to create; an empty <see cref="ProviderKey.Id"/> lets the server choose one.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The created key, masked.</returns>
    [Post("/api/providers/{provider}/keys")]
    Task<ProviderKey> CreateKeyAsync(string provider, [Body] ProviderKey key, CancellationToken cancellationToken = default);

    /// <summary><c>GET /api/providers/{provider}/keys/{key_id}</c>: one key.</summary>
    /// <param name="provider">The provider name.</param>
    /// <param name="keyId">The key id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The key, masked.</returns>
    [Get("/api/providers/{provider}/keys/{keyId}")]
    Task<ProviderKey> GetKeyAsync(string provider, string keyId, CancellationToken cancellationToken = default);

    /// <summary><c>PUT /api/providers/{provider}/keys/{key_id}</c>: replaces the whole key.</summary>
    /// <param name="provider">The provider name.</param>
    /// <param name="keyId">The key id; it wins over the body's id.</param>
    /// <param name="key">The full key.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The key as saved, masked.</returns>
    [Put("/api/providers/{provider}/keys/{keyId}")]
    Task<ProviderKey> UpdateKeyAsync(string provider, string keyId, [Body] ProviderKey key, CancellationToken cancellationToken = default);

    /// <summary><c>DELETE /api/providers/{provider}/keys/{key_id}</c>: deletes a key.</summary>
    /// <param name="provider">The provider name.</param>
    /// <param name="keyId">The key id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The deleted key, masked.</returns>
    [Delete("/api/providers/{provider}/keys/{keyId}")]
    Task<ProviderKey> DeleteKeyAsync(string provider, string keyId, CancellationToken cancellationToken = default);

    /// <summary><c>GET /api/keys</c>: every key of every provider, as summary rows.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The rows.</returns>
    [Get("/api/keys")]
    Task<List<KeySummary>> ListAllKeysAsync(CancellationToken cancellationToken = default);
}

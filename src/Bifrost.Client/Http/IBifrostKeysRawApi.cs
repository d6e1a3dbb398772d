using Refit;

namespace Bifrost.Client.Http;

/// <summary>
/// The key endpoints as the SDK's own transport sends them: Refit builds and sends each request (path escaping, body
/// serialization, settings), and hands the response over unread. <see cref="BifrostApi"/> maps errors and reads the
/// body straight from the response stream. Refit's typed methods (<see cref="IBifrostKeysApi"/>) buffer every answer
/// before they parse it; reading it here saves that copy, and lets the safe update keep a key's exact bytes.
/// </summary>
internal interface IBifrostKeysRawApi
{
    /// <summary><c>GET /api/providers/{provider}/keys</c>.</summary>
    /// <param name="provider">The provider name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response; the caller disposes it.</returns>
    [Get("/api/providers/{provider}/keys")]
    Task<HttpResponseMessage> ListKeysAsync(string provider, CancellationToken cancellationToken);

    /// <summary><c>POST /api/providers/{provider}/keys</c>.</summary>
    /// <param name="provider">The provider name.</param>
    /// <param name="key">The key to create.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response; the caller disposes it.</returns>
    [Post("/api/providers/{provider}/keys")]
    Task<HttpResponseMessage> CreateKeyAsync(string provider, [Body] ProviderKey key, CancellationToken cancellationToken);

    /// <summary><c>GET /api/providers/{provider}/keys/{key_id}</c>.</summary>
    /// <param name="provider">The provider name.</param>
    /// <param name="keyId">The key id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response; the caller disposes it.</returns>
    [Get("/api/providers/{provider}/keys/{keyId}")]
    Task<HttpResponseMessage> GetKeyAsync(string provider, string keyId, CancellationToken cancellationToken);

    /// <summary><c>PUT /api/providers/{provider}/keys/{key_id}</c>.</summary>
    /// <param name="provider">The provider name.</param>
    /// <param name="keyId">The key id.</param>
    /// <param name="key">The full key.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response; the caller disposes it.</returns>
    [Put("/api/providers/{provider}/keys/{keyId}")]
    Task<HttpResponseMessage> UpdateKeyAsync(string provider, string keyId, [Body] ProviderKey key, CancellationToken cancellationToken);

    /// <summary><c>DELETE /api/providers/{provider}/keys/{key_id}</c>.</summary>
    /// <param name="provider">The provider name.</param>
    /// <param name="keyId">The key id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response; the caller disposes it.</returns>
    [Delete("/api/providers/{provider}/keys/{keyId}")]
    Task<HttpResponseMessage> DeleteKeyAsync(string provider, string keyId, CancellationToken cancellationToken);

    /// <summary><c>GET /api/keys</c>.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response; the caller disposes it.</returns>
    [Get("/api/keys")]
    Task<HttpResponseMessage> ListAllKeysAsync(CancellationToken cancellationToken);
}

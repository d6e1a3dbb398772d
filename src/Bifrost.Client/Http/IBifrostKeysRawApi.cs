using Refit;

namespace Bifrost.Client.Http;

/// <summary>
/// The key read as raw bytes, for the safe update: it keeps the exact body of its first read, parses it twice (the
/// caller's copy and the untouched snapshot) instead of cloning, and compares the re-read byte for byte before it
/// parses anything. The answer is handed over unread; <see cref="BifrostApi"/> maps errors and reads the body.
/// </summary>
internal interface IBifrostKeysRawApi
{
    /// <summary><c>GET /api/providers/{provider}/keys/{key_id}</c>, answered as the response itself.</summary>
    /// <param name="provider">The provider name.</param>
    /// <param name="keyId">The key id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response; the caller disposes it.</returns>
    [Get("/api/providers/{provider}/keys/{keyId}")]
    Task<HttpResponseMessage> GetKeyResponseAsync(string provider, string keyId, CancellationToken cancellationToken);
}
